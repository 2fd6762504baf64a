package ai.cartesia.generator.read;

import static ai.cartesia.generator.read.SchemaShapes.alternatives;
import static ai.cartesia.generator.read.SchemaShapes.castList;
import static ai.cartesia.generator.read.SchemaShapes.hasAlternatives;
import static ai.cartesia.generator.read.SchemaShapes.isDeclaration;
import static ai.cartesia.generator.read.SchemaShapes.isEmptyObject;
import static ai.cartesia.generator.read.SchemaShapes.simpleRefName;

import ai.cartesia.generator.model.Docs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The components of the document and what following references into them gives: the schema a
 * chain of {@code $ref}s ends at, the properties gathered through {@code allOf}, the parameters,
 * bodies and responses that references name. A reference that names nothing is an error.
 */
final class Components {

  private final OpenAPI api;
  private final Map<String, Schema<?>> schemas;
  private final Diagnostics diagnostics;
  /** Schemas brought in from other files: the reference as written, and their component name. */
  private final Map<String, String> renamedRefs;

  Components(OpenAPI api, Map<String, String> renamedRefs, Diagnostics diagnostics) {
    this.api = api;
    this.renamedRefs = renamedRefs;
    this.diagnostics = diagnostics;
    this.schemas = api.getComponents() == null || api.getComponents().getSchemas() == null
        ? Map.of()
        : SchemaShapes.castSchemas(api.getComponents().getSchemas());
  }

  /** The component schemas, in the order of the document. */
  Map<String, Schema<?>> schemas() {
    return schemas;
  }

  /** The component name the resolver gave the schema of another file, referred to as written. */
  Optional<String> renamedFromFile(String ref) {
    return Optional.ofNullable(renamedRefs.get(ref));
  }

  /** Whether the resolver made this component of a schema it brought in from another file. */
  boolean isRenamedFromFile(String component) {
    return renamedRefs.containsValue(component);
  }

  /** Follows a chain of {@code $ref}s to the schema that defines something. */
  Schema<?> resolve(Schema<?> schema) {
    Set<String> seen = new LinkedHashSet<>();
    Schema<?> current = schema;
    while (current != null && current.get$ref() != null) {
      String name = simpleRefName(current.get$ref());
      if (name == null || !seen.add(name) || !schemas.containsKey(name)) return current;
      current = schemas.get(name);
    }
    return current;
  }

  /** The component a schema reference names; null, and an error at {@code pointer}, if it names none. */
  String refName(String ref, String pointer) {
    String name = simpleRefName(ref);
    if (name == null || !schemas.containsKey(name)) {
      diagnostics.error(
          pointer, "the reference '" + ref + "' does not name a schema of this document");
      return null;
    }
    return name;
  }

  /** The component a chain of pure aliases ({@code $ref}, or {@code allOf} of one {@code $ref}) ends at. */
  String aliasTarget(String name) {
    Set<String> seen = new LinkedHashSet<>();
    String current = name;
    while (seen.add(current)) {
      Schema<?> schema = schemas.get(current);
      String ref = schema == null
          ? null
          : schema.get$ref() != null
              ? schema.get$ref()
              : schema.getAllOf() != null && schema.getAllOf().size() == 1 && isEmptyObject(schema)
                  ? schema.getAllOf().get(0).get$ref()
                  : null;
      String next = ref == null ? null : simpleRefName(ref);
      if (next == null || !schemas.containsKey(next)) return current;
      current = next;
    }
    return current;
  }

  /** Gathers properties through {@code allOf}, so that a type extending a base has all fields. */
  void collectProperties(
      Schema<?> schema,
      String pointer,
      Map<String, Schema<?>> properties,
      Set<String> required,
      Set<String> visiting) {
    if (schema.get$ref() != null) {
      String name = refName(schema.get$ref(), pointer);
      Schema<?> target = name == null ? null : schemas.get(name);
      if (target == null || !visiting.add(name)) return;
      collectProperties(target, JsonPointers.schema(name), properties, required, visiting);
      return;
    }
    if (schema.getAllOf() != null) {
      int i = 0;
      for (Schema<?> part : castList(schema.getAllOf())) {
        String where = pointer + "/allOf/" + i++;
        Schema<?> resolved = resolve(part);
        if (hasAlternatives(resolved)) {
          diagnostics.warn(
              where,
              "composing with a union (oneOf/anyOf) is not supported yet; only the other parts' properties are generated");
        }
        collectProperties(part, where, properties, required, visiting);
      }
    }
    if (schema.getProperties() != null) {
      for (var property : schema.getProperties().entrySet()) {
        properties.put(property.getKey(), property.getValue());
      }
    }
    if (schema.getRequired() != null) required.addAll(schema.getRequired());
  }

  /** The single value a schema allows, if its enum lists one or it has a {@code const} (3.1). */
  Optional<String> constantOf(Schema<?> schema) {
    Schema<?> resolved = resolve(schema);
    if (resolved.getConst() != null) return Optional.of(String.valueOf(resolved.getConst()));
    if (resolved.getEnum() != null
        && resolved.getEnum().size() == 1
        && resolved.getEnum().get(0) != null) {
      return Optional.of(String.valueOf(resolved.getEnum().get(0)));
    }
    return Optional.empty();
  }

  /**
   * Whether a property may be JSON null: {@code nullable: true} (3.0), a {@code null} among its
   * types (3.1), a null variant of a {@code oneOf}/{@code anyOf}, or a referenced schema that says
   * so.
   */
  boolean isNullable(Schema<?> schema) {
    if (Boolean.TRUE.equals(schema.getNullable())) return true;
    if (schema.getTypes() != null && schema.getTypes().contains("null")) return true;
    List<Schema<?>> variants = alternatives(schema);
    if (variants != null && variants.stream().anyMatch(SchemaShapes::isNullSchema)) return true;
    Schema<?> target = resolve(schema);
    return target != schema && isNullable(target);
  }

  /** A schema's docs, the referenced schema's when it has none of its own. */
  Docs docs(Schema<?> schema) {
    String description = schema.getDescription();
    if ((description == null || description.isBlank()) && schema.get$ref() != null) {
      Schema<?> target = resolve(schema);
      if (target != schema) description = target.getDescription();
    }
    Schema<?> resolved = resolve(schema);
    if (resolved.getEnum() != null && !resolved.getEnum().isEmpty() && !isDeclaration(resolved)) {
      // A number or boolean enum has no type of its own: its values go in the docs.
      String values =
          resolved.getEnum().stream().map(String::valueOf).collect(Collectors.joining(", "));
      description =
          (description == null || description.isBlank() ? "" : description.strip() + "\n\n")
              + "One of: " + values + ".";
    }
    return new Docs(schema.getTitle(), description, Boolean.TRUE.equals(schema.getDeprecated()));
  }

  /** The parameter a chain of {@code $ref}s ends at; null if one names nothing or they loop. */
  Parameter resolveParameter(Parameter parameter) {
    String prefix = "#/components/parameters/";
    Set<String> seen = new LinkedHashSet<>();
    Parameter current = parameter;
    while (current != null && current.get$ref() != null) {
      String ref = current.get$ref();
      if (!ref.startsWith(prefix)
          || !seen.add(ref)
          || api.getComponents() == null
          || api.getComponents().getParameters() == null) {
        return null;
      }
      current = api.getComponents().getParameters().get(ref.substring(prefix.length()));
    }
    return current;
  }

  /** The request body a {@code $ref} names; null if it names none. */
  RequestBody requestBody(String ref) {
    String prefix = "#/components/requestBodies/";
    var bodies = api.getComponents() == null ? null : api.getComponents().getRequestBodies();
    if (!ref.startsWith(prefix) || bodies == null) return null;
    return bodies.get(ref.substring(prefix.length()));
  }

  /** The response a {@code $ref} names; null if it names none. */
  ApiResponse response(String ref) {
    String prefix = "#/components/responses/";
    var responses = api.getComponents() == null ? null : api.getComponents().getResponses();
    return responses == null ? null : responses.get(ref.substring(prefix.length()));
  }

  /**
   * The document's security schemes by name, in the order it declares them, a {@code $ref} to
   * another scheme followed; a reference that leads nowhere is left out with a warning.
   */
  Map<String, SecurityScheme> securitySchemes() {
    Map<String, SecurityScheme> resolved = new LinkedHashMap<>();
    var declared = api.getComponents() == null ? null : api.getComponents().getSecuritySchemes();
    if (declared == null) return resolved;
    String prefix = "#/components/securitySchemes/";
    for (var entry : declared.entrySet()) {
      SecurityScheme scheme = entry.getValue();
      Set<String> seen = new LinkedHashSet<>();
      while (scheme != null && scheme.get$ref() != null) {
        String ref = scheme.get$ref();
        scheme = ref.startsWith(prefix) && seen.add(ref)
            ? declared.get(ref.substring(prefix.length()))
            : null;
      }
      if (scheme == null) {
        diagnostics.warn(
            JsonPointers.child("#/components/securitySchemes", entry.getKey()),
            "the reference leads to no security scheme of this document; operations that require it are sent without it");
      } else {
        resolved.put(entry.getKey(), scheme);
      }
    }
    return resolved;
  }

  /** The name of the API key parameter {@code in} the header or query, if the requirements use one. */
  Optional<String> apiKeyLocation(List<SecurityRequirement> security, SecurityScheme.In in) {
    if (security == null
        || api.getComponents() == null
        || api.getComponents().getSecuritySchemes() == null) {
      return Optional.empty();
    }
    for (SecurityRequirement requirement : security) {
      for (String name : requirement.keySet()) {
        SecurityScheme scheme = api.getComponents().getSecuritySchemes().get(name);
        if (scheme != null
            && scheme.getType() == SecurityScheme.Type.APIKEY
            && scheme.getIn() == in) {
          return Optional.of(scheme.getName());
        }
      }
    }
    return Optional.empty();
  }
}
