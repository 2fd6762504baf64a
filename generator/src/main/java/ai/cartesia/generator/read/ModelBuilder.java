package ai.cartesia.generator.read;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Guard;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Pagination;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.Resource;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeDecl.DiscriminatedUnion;
import ai.cartesia.generator.model.TypeDecl.EnumDecl;
import ai.cartesia.generator.model.TypeDecl.EnumValue;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import ai.cartesia.generator.model.TypeDecl.RequestField;
import ai.cartesia.generator.model.TypeDecl.ShapeVariant;
import ai.cartesia.generator.model.TypeDecl.Tag;
import ai.cartesia.generator.model.TypeDecl.UntaggedUnion;
import ai.cartesia.generator.model.TypeDecl.Variant;
import ai.cartesia.generator.model.TypeRef;
import ai.cartesia.generator.model.TypeRef.Primitive.Kind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates a parsed OpenAPI document into the generator's {@link ApiModel}. Every problem is
 * collected with its JSON pointer; constructs that are not supported yet become warnings and the
 * rest of the document is still translated.
 */
public final class ModelBuilder {

  private static final String SCHEMA_REF = "#/components/schemas/";
  /** Marks a tag property whose value varies, because several tags name the same type. */
  private static final String VARIABLE_TAG = "";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenAPI api;
  private final Map<String, Schema<?>> schemas;
  private final List<SpecProblem> problems = new ArrayList<>();
  private final Naming.Scope typeNames = new Naming.Scope();
  /** Component schema name to the Java name of its declaration. */
  private final Map<String, String> declNames = new LinkedHashMap<>();
  private final Map<String, TypeDecl> decls = new LinkedHashMap<>();
  /** Object Java name to the unions it belongs to and the tags it carries in them. */
  private final Map<String, Set<String>> unionsOf = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tagsOf = new LinkedHashMap<>();

  /** Schemas brought in from other files: the reference as written, and their component name. */
  private final Map<String, String> renamedRefs;

  private ModelBuilder(OpenAPI api, Map<String, String> renamedRefs) {
    this.api = api;
    this.renamedRefs = renamedRefs;
    this.schemas =
        api.getComponents() == null || api.getComponents().getSchemas() == null
            ? Map.of()
            : castSchemas(api.getComponents().getSchemas());
  }

  /** The model and the warnings; throws if the spec has errors. */
  public record Result(ApiModel model, List<SpecProblem> warnings) {}

  public static Result build(SpecReader.Parsed parsed, String file, String clientNameOverride)
      throws SpecException {
    ModelBuilder builder = new ModelBuilder(parsed.api(), parsed.renamedRefs());
    builder.problems.addAll(parsed.warnings());
    ApiModel model = builder.translate(clientNameOverride);
    List<SpecProblem> errors =
        builder.problems.stream().filter(p -> p.severity() == SpecProblem.Severity.ERROR).toList();
    if (!errors.isEmpty()) throw new SpecException(file, builder.problems);
    return new Result(model, List.copyOf(builder.problems));
  }

  private ApiModel translate(String clientNameOverride) {
    for (var entry : schemas.entrySet()) {
      if (isDeclaration(entry.getValue())) {
        declNames.put(entry.getKey(), typeNames.claim(Naming.typeName(javaNameOf(entry.getValue()).orElse(entry.getKey()))));
      }
    }
    for (var entry : schemas.entrySet()) {
      String javaName = declNames.get(entry.getKey());
      if (javaName != null) {
        declare(javaName, JsonPointers.schema(entry.getKey()), entry.getValue());
      }
    }

    List<Resource> resources = new ArrayList<>();
    List<Channel> channels = new ArrayList<>();
    translatePaths(resources, channels);

    List<TypeDecl> types = new ArrayList<>();
    for (TypeDecl decl : decls.values()) types.add(withMembership(decl));

    var info = api.getInfo();
    String title = info == null || info.getTitle() == null ? "Api" : info.getTitle();
    String clientName =
        clientNameOverride != null
            ? clientNameOverride
            : Optional.ofNullable(info == null ? null : info.getExtensions())
                .map(e -> (String) e.get("x-client-name"))
                .orElse(Naming.typeName(title) + "Client");
    // Only an absolute URL can be a default; swagger-parser invents "/" when a spec names none.
    Optional<String> baseUrl =
        api.getServers() == null
            ? Optional.empty()
            : api.getServers().stream()
                .map(io.swagger.v3.oas.models.servers.Server::getUrl)
                .filter(url -> url != null && url.matches("(?i)https?://.+"))
                .findFirst();
    return new ApiModel(
        title,
        info == null || info.getVersion() == null ? "" : info.getVersion(),
        info == null ? Docs.NONE : Docs.of(info.getDescription()),
        clientName,
        baseUrl,
        apiKeyLocation(api.getSecurity(), SecurityScheme.In.HEADER),
        List.copyOf(types),
        List.copyOf(resources),
        List.copyOf(channels));
  }

  // ---------------------------------------------------------------- schemas

  /** Schemas that become Java types of their own; the rest (scalars, lists, maps) are inlined. */
  private boolean isDeclaration(Schema<?> schema) {
    if (schema.get$ref() != null) return false;
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      // Only strings become enum types; numbers and booleans keep their JSON type.
      return type(schema) == null || "string".equals(type(schema));
    }
    if (hasAlternatives(schema)) {
      return nonNullVariants(schema).size() > 1 || schema.getDiscriminator() != null;
    }
    if (schema.getAllOf() != null) {
      return !(schema.getAllOf().size() == 1 && isEmptyObject(schema));
    }
    if (schema.getProperties() != null && !schema.getProperties().isEmpty()) return true;
    return "object".equals(type(schema)) && schema.getAdditionalProperties() == null;
  }

  private static boolean isEmptyObject(Schema<?> schema) {
    return (schema.getProperties() == null || schema.getProperties().isEmpty())
        && schema.getRequired() == null;
  }

  private void declare(String javaName, String pointer, Schema<?> schema) {
    if (decls.containsKey(javaName)) return;
    Docs docs = docs(schema);
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      decls.put(javaName, enumDecl(javaName, pointer, schema, docs));
    } else if (hasAlternatives(schema)) {
      decls.put(javaName, placeholder(javaName, pointer, docs));
      decls.put(javaName, union(javaName, pointer, schema, docs));
    } else {
      decls.put(javaName, placeholder(javaName, pointer, docs));
      decls.put(javaName, object(javaName, pointer, schema, docs));
    }
  }

  /** Stands in while a type is translated, so that recursive references find it. */
  private static ObjectDecl placeholder(String javaName, String pointer, Docs docs) {
    return new ObjectDecl(javaName, pointer, docs, List.of(), Optional.empty(), List.of(), List.of());
  }

  private EnumDecl enumDecl(String javaName, String pointer, Schema<?> schema, Docs docs) {
    Naming.Scope constants = new Naming.Scope();
    List<EnumValue> values = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Object value : schema.getEnum()) {
      if (value == null) continue;
      String wire = String.valueOf(value);
      if (!seen.add(wire)) {
        warn(pointer + "/enum", "the value '" + wire + "' is listed twice; it is generated once");
        continue;
      }
      values.add(new EnumValue(wire, constants.claim(Naming.constantName(wire)), Docs.NONE));
    }
    return new EnumDecl(javaName, pointer, docs, values);
  }

  private ObjectDecl object(String javaName, String pointer, Schema<?> schema, Docs docs) {
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    collectProperties(schema, pointer, properties, required, new LinkedHashSet<>());

    Naming.Scope members = new Naming.Scope();
    List<Field> fields = new ArrayList<>();
    for (var property : properties.entrySet()) {
      String wire = property.getKey();
      String fieldPointer = JsonPointers.child(pointer + "/properties", wire);
      Schema<?> propertySchema = property.getValue();
      boolean isRequired = required.contains(wire);
      Optional<String> constant = isRequired ? constantOf(propertySchema) : Optional.empty();
      TypeRef type =
          constant.isPresent()
              ? TypeRef.primitive(scalarKind(resolve(propertySchema)))
              : typeOf(propertySchema, javaName + Naming.typeName(wire), fieldPointer);
      fields.add(
          new Field(
              wire,
              members.claim(Naming.memberName(wire)),
              type,
              isRequired,
              isNullable(propertySchema),
              defaultOf(propertySchema),
              constant,
              docs(propertySchema)));
    }
    Optional<TypeRef> additional = Optional.empty();
    if (schema.getAdditionalProperties() instanceof Schema<?> valueSchema) {
      additional =
          Optional.of(typeOf(valueSchema, javaName + "Value", pointer + "/additionalProperties"));
    }
    return new ObjectDecl(javaName, pointer, docs, fields, additional, List.of(), List.of());
  }

  /** Gathers properties through {@code allOf}, so that a type extending a base has all fields. */
  private void collectProperties(
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
          warn(where, "composing with a union (oneOf/anyOf) is not supported yet; only the other parts' properties are generated");
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

  private TypeDecl union(String javaName, String pointer, Schema<?> schema, Docs docs) {
    List<Schema<?>> variants = alternatives(schema);
    String keyword = schema.getOneOf() != null ? "oneOf" : "anyOf";
    if (schema.getDiscriminator() != null && schema.getDiscriminator().getPropertyName() != null) {
      return taggedUnion(javaName, pointer, schema, variants, keyword, docs);
    }
    return untaggedUnion(javaName, pointer, variants, keyword, docs);
  }

  private DiscriminatedUnion taggedUnion(
      String javaName,
      String pointer,
      Schema<?> schema,
      List<Schema<?>> variants,
      String keyword,
      Docs docs) {
    String property = schema.getDiscriminator().getPropertyName();
    Map<String, String> tagToRef = new LinkedHashMap<>();
    Map<String, String> mapping = schema.getDiscriminator().getMapping();
    if (mapping != null) tagToRef.putAll(mapping);
    // The resolver adds an entry named after each schema it brings in from another file, beside
    // the spec's own entry for that file: only the spec's entries are tags.
    Set<String> fromFiles = new HashSet<>();
    tagToRef.values().stream().filter(ModelBuilder::isFileRef).forEach(ref -> fromFiles.add(mappingRef(ref)));
    tagToRef.entrySet().removeIf(entry -> !isFileRef(entry.getValue()) && renamedRefs.containsValue(entry.getKey())
        && fromFiles.contains(mappingRef(entry.getValue())));
    // Variants the mapping leaves out are tagged by their schema name, as OpenAPI says.
    Set<String> mapped = new HashSet<>();
    for (String ref : tagToRef.values()) {
      String name = simpleRefName(mappingRef(ref));
      if (name != null) mapped.add(aliasTarget(name));
    }
    for (Schema<?> variant : variants) {
      if (variant.get$ref() == null) continue;
      String name = refName(variant.get$ref(), pointer);
      if (name == null || mapped.contains(aliasTarget(name))) continue;
      if (tagToRef.putIfAbsent(name, variant.get$ref()) != null) {
        warn(pointer + "/discriminator", "the variant " + name + " is not in the mapping, and its implicit tag '" + name
            + "' already names another variant; it cannot be told apart and is left out");
      }
    }
    Naming.Scope variantNames = new Naming.Scope().reserve("Unknown");
    List<Variant> result = new ArrayList<>();
    for (var entry : tagToRef.entrySet()) {
      String where = pointer + "/discriminator/mapping/" + entry.getKey();
      String target = refName(mappingRef(entry.getValue()), where);
      if (target == null) continue;
      target = aliasTarget(target);
      String variantType = declNames.get(target);
      Schema<?> targetSchema = schemas.get(target);
      if (variantType == null || !isObjectDeclaration(targetSchema)) {
        warn(where, "the variant '" + target + "' is not an object, so it cannot carry the tag '"
            + property + "'; messages with this tag are read as Unknown");
        continue;
      }
      result.add(new Variant(entry.getKey(), variantNames.claim(Naming.variantName(entry.getKey())), variantType));
      unionsOf.computeIfAbsent(variantType, k -> new LinkedHashSet<>()).add(javaName);
      Map<String, String> tags = tagsOf.computeIfAbsent(variantType, k -> new LinkedHashMap<>());
      String previous = tags.putIfAbsent(property, entry.getKey());
      if (previous != null && !previous.equals(entry.getKey())) {
        // More than one tag names this type: the tag is data, kept in a field of its own.
        tags.put(property, VARIABLE_TAG);
      }
    }
    if (variants.stream().anyMatch(v -> v.get$ref() == null)) {
      warn(pointer + "/" + keyword, "inline variants of a discriminated union are not supported yet; they are read as Unknown");
    }
    return new DiscriminatedUnion(javaName, pointer, docs, property, result, untaggedRules(schema, pointer, tagToRef.keySet()));
  }

  /** {@code x-java-name}: the name a schema's type takes when its own splits badly into words ({@code TTSSSERequest}). */
  private static Optional<String> javaNameOf(Schema<?> schema) {
    return Optional.ofNullable(schema.getExtensions()).map(e -> e.get("x-java-name"))
        .filter(String.class::isInstance).map(String.class::cast).filter(name -> !name.isBlank());
  }

  /** The component a chain of pure aliases ({@code $ref}, or {@code allOf} of one {@code $ref}) ends at. */
  private String aliasTarget(String name) {
    Set<String> seen = new LinkedHashSet<>();
    String current = name;
    while (seen.add(current)) {
      Schema<?> schema = schemas.get(current);
      String ref = schema == null ? null
          : schema.get$ref() != null ? schema.get$ref()
          : schema.getAllOf() != null && schema.getAllOf().size() == 1 && isEmptyObject(schema) ? schema.getAllOf().get(0).get$ref()
          : null;
      String next = ref == null ? null : simpleRefName(ref);
      if (next == null || !schemas.containsKey(next)) return current;
      current = next;
    }
    return current;
  }

  /** {@code x-when-untagged}: how to read a message of a tagged union that lacks its tag. */
  private List<TypeDecl.UntaggedRule> untaggedRules(Schema<?> schema, String pointer, Set<String> tags) {
    List<TypeDecl.UntaggedRule> rules = new ArrayList<>();
    if (schema.getExtensions() == null || !(schema.getExtensions().get("x-when-untagged") instanceof List<?> list)) return rules;
    int i = 0;
    for (Object entry : list) {
      String where = pointer + "/x-when-untagged/" + i++;
      if (!(entry instanceof Map<?, ?> rule) || !(rule.get("tag") instanceof String tag) || !(rule.get("has") instanceof List<?> has)) {
        warn(where, "a rule needs a 'tag' and a list 'has'; it is left out");
        continue;
      }
      if (!tags.contains(tag)) {
        warn(where, "the tag '" + tag + "' names no variant; the rule is left out");
        continue;
      }
      rules.add(new TypeDecl.UntaggedRule(tag, has.stream().map(String::valueOf).toList()));
    }
    return List.copyOf(rules);
  }

  private boolean isObjectDeclaration(Schema<?> schema) {
    return isDeclaration(schema)
        && (schema.getEnum() == null || schema.getEnum().isEmpty())
        && !hasAlternatives(schema);
  }

  private UntaggedUnion untaggedUnion(
      String javaName, String pointer, List<Schema<?>> variants, String keyword, Docs docs) {
    Naming.Scope variantNames = new Naming.Scope().reserve("Visitor").reserve("Deserializer");
    List<ShapeVariant> result = new ArrayList<>();
    int i = 0;
    for (Schema<?> variant : variants) {
      String where = pointer + "/" + keyword + "/" + i++;
      if (isNullSchema(variant)) continue;
      TypeRef type = typeOf(variant, javaName + "Variant" + i, where);
      Guard guard = guardOf(variant);
      String variantName;
      if (type instanceof TypeRef.Named named && isObjectDeclaration(resolve(variant))) {
        variantName = variantNames.claim(named.name());
        unionsOf.computeIfAbsent(named.name(), k -> new LinkedHashSet<>()).add(javaName);
      } else {
        variantName = variantNames.claim("Of" + stem(type));
      }
      for (ShapeVariant earlier : result) {
        if (earlier.guard().overlaps(guard)) {
          warn(where, "this variant and '" + earlier.javaName() + "' can match the same JSON; the one listed first wins");
        }
      }
      result.add(new ShapeVariant(variantName, type, guard));
    }
    return new UntaggedUnion(javaName, pointer, docs, result);
  }

  private String stem(TypeRef type) {
    if (type instanceof TypeRef.Named named) return named.name();
    if (type instanceof TypeRef.ListOf list) return "ListOf" + stem(list.element());
    if (type instanceof TypeRef.MapOf map) return "MapOf" + stem(map.value());
    return switch (((TypeRef.Primitive) type).kind()) {
      case STRING, DATE, DATE_TIME, UUID -> "String";
      case BOOLEAN -> "Boolean";
      case INT32, INT64, BIG_INTEGER -> "Integer";
      case FLOAT, DOUBLE, DECIMAL -> "Number";
      case BASE64, BINARY -> "Bytes";
      case ANY -> "Json";
    };
  }

  private Guard guardOf(Schema<?> variant) {
    Schema<?> schema = resolve(variant);
    if (schema.getEnum() != null && !schema.getEnum().isEmpty() && isDeclaration(schema)) {
      return Guard.of(Guard.JsonShape.STRING);
    }
    if (hasAlternatives(schema)) return Guard.of(Guard.JsonShape.ANY);
    String type = type(schema);
    if (schema.getProperties() != null || schema.getAllOf() != null || "object".equals(type)) {
      Map<String, Schema<?>> properties = new LinkedHashMap<>();
      Set<String> required = new LinkedHashSet<>();
      collectProperties(schema, "#", properties, required, new LinkedHashSet<>());
      Map<String, String> constants = new LinkedHashMap<>();
      for (String name : required) {
        Schema<?> property = properties.get(name);
        if (property != null) constantOf(property).ifPresent(c -> constants.put(name, c));
      }
      return new Guard(Guard.JsonShape.OBJECT, List.copyOf(required), constants);
    }
    if (type == null) return Guard.of(Guard.JsonShape.ANY);
    return Guard.of(switch (type) {
      case "array" -> Guard.JsonShape.ARRAY;
      case "string" -> Guard.JsonShape.STRING;
      case "integer" -> Guard.JsonShape.INTEGER;
      case "number" -> Guard.JsonShape.NUMBER;
      case "boolean" -> Guard.JsonShape.BOOLEAN;
      default -> Guard.JsonShape.ANY;
    });
  }

  /** The type a field or parameter refers to, declaring inline types under {@code inlineName}. */
  private TypeRef typeOf(Schema<?> schema, String inlineName, String pointer) {
    if (schema.get$ref() != null) {
      String name = refName(schema.get$ref(), pointer);
      if (name == null) return TypeRef.primitive(Kind.ANY);
      String declName = declNames.get(name);
      if (declName != null) return new TypeRef.Named(declName);
      return typeOf(schemas.get(name), inlineName, JsonPointers.schema(name));
    }
    if (schema.getAllOf() != null && schema.getAllOf().size() == 1 && isEmptyObject(schema)) {
      return typeOf(castList(schema.getAllOf()).get(0), inlineName, pointer + "/allOf/0");
    }
    if (hasAlternatives(schema) && nonNullVariants(schema).size() == 1) {
      return typeOf(nonNullVariants(schema).get(0), inlineName, pointer);
    }
    if (isDeclaration(schema)) {
      String name = typeNames.claim(Naming.typeName(inlineName));
      declare(name, pointer, schema);
      return new TypeRef.Named(name);
    }
    String type = type(schema);
    if ("array".equals(type)) {
      Schema<?> items = schema.getItems();
      if (items == null) {
        warn(pointer, "an array without 'items' is generated as a list of any JSON value");
        return new TypeRef.ListOf(TypeRef.primitive(Kind.ANY));
      }
      return new TypeRef.ListOf(typeOf(items, inlineName + "Item", pointer + "/items"));
    }
    if ("object".equals(type) || schema.getAdditionalProperties() != null) {
      if (schema.getAdditionalProperties() instanceof Schema<?> value) {
        return new TypeRef.MapOf(typeOf(value, inlineName + "Value", pointer + "/additionalProperties"));
      }
      return new TypeRef.MapOf(TypeRef.primitive(Kind.ANY));
    }
    return TypeRef.primitive(scalarKind(schema));
  }

  private Kind scalarKind(Schema<?> schema) {
    String type = type(schema);
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    if (type == null) return Kind.ANY;
    return switch (type) {
      case "string" -> switch (format) {
        case "byte" -> Kind.BASE64;
        case "binary" -> Kind.BINARY;
        case "date" -> Kind.DATE;
        case "date-time" -> Kind.DATE_TIME;
        default -> Kind.STRING;
      };
      case "integer" -> switch (format) {
        case "int32" -> Kind.INT32;
        default -> Kind.INT64;
      };
      case "number" -> switch (format) {
        case "float" -> Kind.FLOAT;
        case "decimal" -> Kind.DECIMAL;
        default -> Kind.DOUBLE;
      };
      case "boolean" -> Kind.BOOLEAN;
      default -> Kind.ANY;
    };
  }

  /** Follows a chain of {@code $ref}s to the schema that defines something. */
  private Schema<?> resolve(Schema<?> schema) {
    Set<String> seen = new LinkedHashSet<>();
    Schema<?> current = schema;
    while (current != null && current.get$ref() != null) {
      String name = simpleRefName(current.get$ref());
      if (name == null || !seen.add(name) || !schemas.containsKey(name)) return current;
      current = schemas.get(name);
    }
    return current;
  }

  private Optional<String> constantOf(Schema<?> schema) {
    Schema<?> resolved = resolve(schema);
    if (resolved.getEnum() != null && resolved.getEnum().size() == 1 && resolved.getEnum().get(0) != null) {
      return Optional.of(String.valueOf(resolved.getEnum().get(0)));
    }
    return Optional.empty();
  }

  private Optional<String> defaultOf(Schema<?> schema) {
    Object value = schema.getDefault();
    if (value == null) return Optional.empty();
    try {
      return Optional.of(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      return Optional.of(String.valueOf(value));
    }
  }

  /**
   * Whether a property may be JSON null: {@code nullable: true} (3.0), a {@code null} among its
   * types (3.1), a null variant of a {@code oneOf}/{@code anyOf}, or a referenced schema that says
   * so.
   */
  private boolean isNullable(Schema<?> schema) {
    if (Boolean.TRUE.equals(schema.getNullable())) return true;
    if (schema.getTypes() != null && schema.getTypes().contains("null")) return true;
    List<Schema<?>> variants = alternatives(schema);
    if (variants != null && variants.stream().anyMatch(ModelBuilder::isNullSchema)) return true;
    Schema<?> target = resolve(schema);
    return target != schema && isNullable(target);
  }

  /** {@code {type: 'null'}}, however the parser recorded it. */
  private static boolean isNullSchema(Schema<?> schema) {
    if ("null".equals(schema.getType())) return true;
    return schema.getType() == null && schema.getTypes() != null && Set.of("null").equals(schema.getTypes());
  }

  private Docs docs(Schema<?> schema) {
    String description = schema.getDescription();
    if ((description == null || description.isBlank()) && schema.get$ref() != null) {
      Schema<?> target = resolve(schema);
      if (target != schema) description = target.getDescription();
    }
    Schema<?> resolved = resolve(schema);
    if (resolved.getEnum() != null && !resolved.getEnum().isEmpty() && !isDeclaration(resolved)) {
      // A number or boolean enum has no type of its own: its values go in the docs.
      String values = resolved.getEnum().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
      description = (description == null || description.isBlank() ? "" : description.strip() + "\n\n") + "One of: " + values + ".";
    }
    return new Docs(schema.getTitle(), description, Boolean.TRUE.equals(schema.getDeprecated()));
  }

  private static List<Schema<?>> nonNullVariants(Schema<?> schema) {
    return alternatives(schema).stream().filter(v -> !isNullSchema(v)).toList();
  }

  /**
   * The variants of a {@code oneOf} or {@code anyOf}; null when there is none, or when its variants
   * only add constraints to the schema around them ({@code anyOf: [{required: [a]}, {required:
   * [b]}]}), which say nothing of its shape and which Java types cannot express.
   */
  private static List<Schema<?>> alternatives(Schema<?> schema) {
    List<Schema<?>> variants = castList(schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf());
    if (variants == null || variants.isEmpty() || variants.stream().allMatch(ModelBuilder::onlyConstrains)) return null;
    return variants;
  }

  private static boolean hasAlternatives(Schema<?> schema) {
    return alternatives(schema) != null;
  }

  /** A schema with validation keywords only: no type, reference, properties, items, values or composition. */
  private static boolean onlyConstrains(Schema<?> schema) {
    return schema.get$ref() == null && schema.getType() == null && (schema.getTypes() == null || schema.getTypes().isEmpty())
        && schema.getProperties() == null && schema.getItems() == null && schema.getEnum() == null
        && schema.getConst() == null && schema.getAdditionalProperties() == null
        && schema.getOneOf() == null && schema.getAnyOf() == null && schema.getAllOf() == null
        && (schema.getRequired() != null || schema.getNot() != null);
  }

  private static String type(Schema<?> schema) {
    if (schema.getType() != null) return schema.getType();
    if (schema.getTypes() != null) {
      return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
    }
    if (schema instanceof ArraySchema) return "array";
    return null;
  }

  private String refName(String ref, String pointer) {
    String name = simpleRefName(ref);
    if (name == null || !schemas.containsKey(name)) {
      error(pointer, "the reference '" + ref + "' does not name a schema of this document");
      return null;
    }
    return name;
  }

  /**
   * A discriminator mapping's value as a reference to a schema of this document. It may be a
   * bare schema name, a local reference, or a reference to another file, whose schema the
   * resolver brought in under a name of its choosing ({@code book}, or {@code book_1} when two
   * files are called so).
   */
  private String mappingRef(String value) {
    if (!isFileRef(value)) return value.startsWith("#") ? value : SCHEMA_REF + value;
    String renamed = renamedRefs.get(value.startsWith("./") || value.startsWith("../") ? value : "./" + value);
    return renamed != null ? SCHEMA_REF + renamed : value;
  }

  /** A mapping value naming a schema in another file; bare names were made local references when read. */
  private static boolean isFileRef(String value) {
    return !value.startsWith("#") && (value.contains("/") || value.contains("."));
  }

  private static String simpleRefName(String ref) {
    return ref.startsWith(SCHEMA_REF) ? ref.substring(SCHEMA_REF.length()) : null;
  }

  private TypeDecl withMembership(TypeDecl decl) {
    if (!(decl instanceof ObjectDecl object)) return decl;
    Map<String, String> tags = tagsOf.getOrDefault(object.name(), Map.of());
    Set<String> unions = unionsOf.getOrDefault(object.name(), Set.of());
    if (tags.isEmpty() && unions.isEmpty()) return decl;
    List<Field> fields = new ArrayList<>();
    for (Field field : object.fields()) {
      String tag = tags.get(field.wireName());
      if (tag == null) {
        fields.add(field);
      } else if (tag.equals(VARIABLE_TAG)) {
        fields.add(new Field(field.wireName(), field.javaName(), TypeRef.primitive(Kind.STRING), true, false,
            Optional.empty(), Optional.empty(), field.docs()));
      }
    }
    List<Tag> tagList = tags.entrySet().stream()
        .filter(e -> !e.getValue().equals(VARIABLE_TAG))
        .map(e -> new Tag(e.getKey(), e.getValue()))
        .toList();
    return new ObjectDecl(
        object.name(), object.pointer(), object.docs(), fields, object.additionalProperties(),
        tagList, List.copyOf(unions));
  }

  // ---------------------------------------------------------------- paths

  private void translatePaths(List<Resource> resources, List<Channel> channels) {
    if (api.getPaths() == null) return;
    Map<String, List<Operation>> byResource = new LinkedHashMap<>();
    Map<String, Naming.Scope> methodScopes = new LinkedHashMap<>();
    Map<String, Docs> resourceDocs = new LinkedHashMap<>();
    if (api.getTags() != null) {
      for (io.swagger.v3.oas.models.tags.Tag tag : api.getTags()) resourceDocs.put(tag.getName(), Docs.of(tag.getDescription()));
    }
    Naming.Scope channelNames = new Naming.Scope();
    for (var pathEntry : api.getPaths().entrySet()) {
      String path = pathEntry.getKey();
      PathItem item = pathEntry.getValue();
      for (var opEntry : item.readOperationsMap().entrySet()) {
        var op = opEntry.getValue();
        String method = opEntry.getKey().name().toLowerCase(Locale.ROOT);
        String pointer = JsonPointers.operation(path, method);
        String tag = op.getTags() == null || op.getTags().isEmpty() ? "default" : op.getTags().get(0);
        Naming.Scope scope = methodScopes.computeIfAbsent(tag, t -> new Naming.Scope());
        if (op.getExtensions() != null && op.getExtensions().get("x-websocket") instanceof Map<?, ?> ws) {
          channels.add(channel(path, item, op, ws, tag, pointer, channelNames, scope));
          byResource.computeIfAbsent(tag, t -> new ArrayList<>());
          continue;
        }
        byResource.computeIfAbsent(tag, t -> new ArrayList<>())
            .add(operation(path, method, item, op, tag, pointer, scope));
      }
    }
    Naming.Scope resourceNames = new Naming.Scope();
    for (var entry : byResource.entrySet()) {
      String javaName = resourceNames.claim(Naming.typeName(entry.getKey()));
      resources.add(
          new Resource(
              javaName,
              Naming.memberName(entry.getKey()),
              resourceDocs.getOrDefault(entry.getKey(), Docs.NONE),
              List.copyOf(entry.getValue())));
    }
  }

  private Operation operation(
      String path,
      String method,
      PathItem item,
      io.swagger.v3.oas.models.Operation op,
      String tag,
      String pointer,
      Naming.Scope methodNames) {
    String operationId = op.getOperationId() != null ? op.getOperationId() : method + " " + path;
    String methodName = methodNames.claim(methodName(operationId, tag));
    String stem = Naming.typeName(op.getOperationId() != null ? op.getOperationId() : method + " " + path);
    List<Parameter> parameters = parameters(item, op, stem, pointer);
    Optional<Body> body = requestBody(op.getRequestBody(), stem, pointer + "/requestBody");
    Response response = response(op, stem, pointer + "/responses");
    boolean authenticated =
        op.getSecurity() != null ? !op.getSecurity().isEmpty() : api.getSecurity() != null && !api.getSecurity().isEmpty();
    Docs docs = new Docs(op.getSummary(), op.getDescription(), Boolean.TRUE.equals(op.getDeprecated()));
    Optional<String> requestObject = requestObject(stem + (body.isPresent() && !(body.get() instanceof Body.Multipart) ? "Params" : "Request"),
        pointer, docs, parameters, body);
    Optional<Pagination> pagination = pagination(op, pointer, response, parameters, requestObject);
    return new Operation(
        operationId,
        pointer,
        methodName,
        method.toUpperCase(Locale.ROOT),
        path.startsWith("/") ? path.substring(1) : path,
        docs,
        parameters,
        body,
        response,
        authenticated,
        requestObject,
        pagination);
  }

  /**
   * Gathers the query and header parameters and the form fields of an operation in an object
   * with a builder, when there are optional ones or a form: a call then names what it sets,
   * instead of passing a row of nulls.
   */
  private Optional<String> requestObject(
      String preferredName, String pointer, Docs docs, List<Parameter> parameters, Optional<Body> body) {
    List<Parameter> gathered = parameters.stream()
        .filter(p -> p.constant().isEmpty() && p.location() != Parameter.Location.PATH)
        .toList();
    Optional<Body.Multipart> form = body.filter(Body.Multipart.class::isInstance).map(Body.Multipart.class::cast);
    if (form.isEmpty() && gathered.stream().allMatch(Parameter::required)) return Optional.empty();

    Naming.Scope names = new Naming.Scope();
    List<RequestField> fields = new ArrayList<>();
    for (Parameter parameter : gathered) {
      // Named afresh from the wire name: a rename that kept a method's parameter off its locals does not apply here.
      fields.add(new RequestField(parameter.wireName(), names.claim(Naming.memberName(parameter.wireName())),
          parameter.location() == Parameter.Location.QUERY ? RequestField.Source.QUERY : RequestField.Source.HEADER,
          parameter.type(), parameter.required(), parameter.defaultValue(), parameter.docs()));
    }
    form.ifPresent(multipart -> {
      for (Body.Part part : multipart.parts()) {
        fields.add(new RequestField(part.wireName(), names.claim(part.javaName()),
            part.file() ? RequestField.Source.FILE : RequestField.Source.FORM,
            part.type(), part.required(), Optional.empty(), part.docs()));
      }
    });
    String name = typeNames.claim(preferredName);
    decls.put(name, new TypeDecl.RequestDecl(name, pointer, docs, List.copyOf(fields)));
    return Optional.of(name);
  }

  /** Reads {@code x-pagination}, checking that the page and the request have what it names. */
  private Optional<Pagination> pagination(
      io.swagger.v3.oas.models.Operation op,
      String pointer,
      Response response,
      List<Parameter> parameters,
      Optional<String> requestObject) {
    if (op.getExtensions() == null || !(op.getExtensions().get("x-pagination") instanceof Map<?, ?> spec)) {
      return Optional.empty();
    }
    String where = pointer + "/x-pagination";
    for (String key : List.of("itemsField", "hasMoreField", "cursorParam")) {
      if (!(spec.get(key) instanceof String)) {
        warn(where, "'" + key + "' is missing; the operation returns single pages");
        return Optional.empty();
      }
    }
    Pagination pagination = new Pagination(
        (String) spec.get("itemsField"),
        (String) spec.get("hasMoreField"),
        (String) spec.get("cursorParam"),
        Optional.ofNullable(spec.get("itemIdField")).map(String::valueOf),
        Optional.ofNullable(spec.get("nextCursorField")).map(String::valueOf));
    if (!(response instanceof Response.Json json) || !(json.type() instanceof TypeRef.Named page)) {
      warn(where, "pagination needs a JSON object response; the operation returns single pages");
      return Optional.empty();
    }
    if (requestObject.isEmpty()
        || parameters.stream().noneMatch(p -> p.wireName().equals(pagination.cursorParameter()) && !p.required())) {
      warn(where, "the cursor parameter '" + pagination.cursorParameter() + "' is not an optional parameter of the operation; it returns single pages");
      return Optional.empty();
    }
    Schema<?> pageSchema = schemas.entrySet().stream()
        .filter(e -> page.name().equals(declNames.get(e.getKey()))).map(Map.Entry::getValue).findFirst().orElse(null);
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    if (pageSchema != null) collectProperties(pageSchema, where, properties, new LinkedHashSet<>(), new LinkedHashSet<>());
    for (String property : List.of(pagination.items(), pagination.hasMore())) {
      if (!properties.containsKey(property)) {
        warn(where, "the page has no property '" + property + "'; the operation returns single pages");
        return Optional.empty();
      }
    }
    return Optional.of(pagination);
  }

  /** {@code tts_bytes} in resource {@code tts} becomes {@code bytes}. */
  static String methodName(String operationId, String tag) {
    String full = Naming.memberName(operationId);
    String prefix = Naming.memberName(tag);
    if (full.length() > prefix.length() && full.startsWith(prefix)
        && Character.isUpperCase(full.charAt(prefix.length()))) {
      String rest = full.substring(prefix.length());
      return Naming.memberName(rest);
    }
    return full;
  }

  private List<Parameter> parameters(
      PathItem item, io.swagger.v3.oas.models.Operation op, String stem, String pointer) {
    Map<String, io.swagger.v3.oas.models.parameters.Parameter> merged = new LinkedHashMap<>();
    List<io.swagger.v3.oas.models.parameters.Parameter> all = new ArrayList<>();
    if (item.getParameters() != null) all.addAll(item.getParameters());
    if (op.getParameters() != null) all.addAll(op.getParameters());
    for (var parameter : all) {
      var resolved = resolveParameter(parameter);
      if (resolved == null) {
        error(pointer + "/parameters", "the reference '" + parameter.get$ref() + "' does not name a parameter");
        continue;
      }
      merged.put(resolved.getIn() + ":" + resolved.getName(), resolved);
    }
    Naming.Scope names = Naming.Scope.ofCallArguments();
    List<Parameter> result = new ArrayList<>();
    int i = 0;
    for (var parameter : merged.values()) {
      String where = pointer + "/parameters/" + i++;
      Parameter.Location location = switch (String.valueOf(parameter.getIn())) {
        case "path" -> Parameter.Location.PATH;
        case "query" -> Parameter.Location.QUERY;
        case "header" -> Parameter.Location.HEADER;
        default -> null;
      };
      if (location == null) {
        warn(where, "parameters in '" + parameter.getIn() + "' are not supported yet; it is left out");
        continue;
      }
      Schema<?> schema = parameter.getSchema() != null ? parameter.getSchema() : new Schema<>().type("string");
      Optional<String> constant = Boolean.TRUE.equals(parameter.getRequired()) || location == Parameter.Location.HEADER
          ? constantOf(schema) : Optional.empty();
      result.add(
          new Parameter(
              parameter.getName(),
              names.claim(Naming.memberName(parameter.getName())),
              location,
              constant.isPresent()
                  ? TypeRef.primitive(scalarKind(resolve(schema)))
                  : typeOf(schema, stem + Naming.typeName(parameter.getName()), where + "/schema"),
              location == Parameter.Location.PATH || Boolean.TRUE.equals(parameter.getRequired()),
              defaultOf(schema),
              constant,
              new Docs("", parameter.getDescription(), Boolean.TRUE.equals(parameter.getDeprecated()))));
    }
    return result;
  }

  /** The parameter a chain of {@code $ref}s ends at; null if one names nothing or they loop. */
  private io.swagger.v3.oas.models.parameters.Parameter resolveParameter(
      io.swagger.v3.oas.models.parameters.Parameter parameter) {
    String prefix = "#/components/parameters/";
    Set<String> seen = new LinkedHashSet<>();
    io.swagger.v3.oas.models.parameters.Parameter current = parameter;
    while (current != null && current.get$ref() != null) {
      String ref = current.get$ref();
      if (!ref.startsWith(prefix) || !seen.add(ref) || api.getComponents() == null || api.getComponents().getParameters() == null) {
        return null;
      }
      current = api.getComponents().getParameters().get(ref.substring(prefix.length()));
    }
    return current;
  }

  private Optional<Body> requestBody(RequestBody body, String stem, String pointer) {
    if (body == null) return Optional.empty();
    if (body.get$ref() != null) {
      String prefix = "#/components/requestBodies/";
      var bodies = api.getComponents() == null ? null : api.getComponents().getRequestBodies();
      if (!body.get$ref().startsWith(prefix) || bodies == null || !bodies.containsKey(body.get$ref().substring(prefix.length()))) {
        error(pointer, "the reference '" + body.get$ref() + "' does not name a request body");
        return Optional.empty();
      }
      body = bodies.get(body.get$ref().substring(prefix.length()));
    }
    boolean required = Boolean.TRUE.equals(body.getRequired());
    Docs docs = Docs.of(body.getDescription());
    Content content = body.getContent();
    if (content == null || content.isEmpty()) return Optional.empty();
    MediaType multipart = content.get("multipart/form-data");
    if (multipart != null && multipart.getSchema() != null) {
      return Optional.of(new Body.Multipart(parts(multipart.getSchema(), stem, pointer + "/content/multipart~1form-data/schema"), required, docs));
    }
    for (var entry : content.entrySet()) {
      if (isJson(entry.getKey()) && entry.getValue().getSchema() != null) {
        String where = JsonPointers.child(pointer + "/content", entry.getKey()) + "/schema";
        return Optional.of(new Body.Json(typeOf(entry.getValue().getSchema(), stem + "Request", where), required, docs));
      }
    }
    warn(pointer + "/content", "request bodies of type " + content.keySet() + " are not supported yet; the operation takes no body");
    return Optional.empty();
  }

  private List<Body.Part> parts(Schema<?> schema, String stem, String pointer) {
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    collectProperties(schema, pointer, properties, required, new LinkedHashSet<>());
    Naming.Scope names = new Naming.Scope().reserve("options");
    List<Body.Part> parts = new ArrayList<>();
    for (var entry : properties.entrySet()) {
      String where = JsonPointers.child(pointer + "/properties", entry.getKey());
      Schema<?> resolved = resolve(entry.getValue());
      boolean file = "binary".equals(resolved.getFormat())
          || "array".equals(type(resolved)) && resolved.getItems() != null && "binary".equals(resolve(resolved.getItems()).getFormat());
      parts.add(
          new Body.Part(
              entry.getKey(),
              names.claim(Naming.memberName(entry.getKey())),
              typeOf(entry.getValue(), stem + Naming.typeName(entry.getKey()), where),
              required.contains(entry.getKey()),
              file,
              docs(entry.getValue())));
    }
    return parts;
  }

  private Response response(io.swagger.v3.oas.models.Operation op, String stem, String pointer) {
    if (op.getResponses() == null) return new Response.Empty();
    for (var entry : op.getResponses().entrySet()) {
      String code = entry.getKey();
      if (!code.startsWith("2")) continue;
      ApiResponse response = entry.getValue();
      if (response.get$ref() != null) {
        String prefix = "#/components/responses/";
        var responses = api.getComponents() == null ? null : api.getComponents().getResponses();
        response = responses == null ? null : responses.get(response.get$ref().substring(prefix.length()));
        if (response == null) {
          error(JsonPointers.child(pointer, code), "the reference '" + entry.getValue().get$ref() + "' does not name a response");
          return new Response.Empty();
        }
      }
      Content content = response.getContent();
      if (content == null || content.isEmpty()) return new Response.Empty();
      for (var media : content.entrySet()) {
        String type = media.getKey().toLowerCase(Locale.ROOT);
        String where = JsonPointers.child(JsonPointers.child(pointer, code) + "/content", media.getKey()) + "/schema";
        Schema<?> schema = media.getValue().getSchema();
        if (type.startsWith("text/event-stream")) {
          // x-stream-framing: sse-or-ndjson says the server may send JSON lines instead.
          boolean either = op.getExtensions() != null && "sse-or-ndjson".equals(op.getExtensions().get("x-stream-framing"));
          return new Response.EventStream(eventType(schema, stem, where), either ? Response.Framing.JSON_LINES_OR_SSE : Response.Framing.SSE,
              streamEnd(op));
        }
        if (type.contains("ndjson") || type.contains("jsonl") || type.contains("json-seq")) {
          return new Response.EventStream(eventType(schema, stem, where), Response.Framing.JSON_LINES_OR_SSE, streamEnd(op));
        }
        if (isJson(type) && schema != null && !"binary".equals(schema.getFormat())) {
          return new Response.Json(typeOf(schema, stem + "Response", where));
        }
      }
      return new Response.Binary(content.keySet().iterator().next());
    }
    return new Response.Empty();
  }

  private static Optional<String> streamEnd(io.swagger.v3.oas.models.Operation op) {
    return Optional.ofNullable(op.getExtensions()).map(e -> e.get("x-stream-ends-when")).map(String::valueOf);
  }

  private TypeRef eventType(Schema<?> schema, String stem, String pointer) {
    if (schema == null) return TypeRef.primitive(Kind.ANY);
    return typeOf(schema, stem + "Event", pointer);
  }

  private static boolean isJson(String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT);
    return type.startsWith("application/json") || type.matches("application/[^;]*\\+json.*") || type.equals("*/*");
  }

  // ---------------------------------------------------------------- channels

  private Channel channel(
      String path,
      PathItem item,
      io.swagger.v3.oas.models.Operation op,
      Map<?, ?> ws,
      String tag,
      String pointer,
      Naming.Scope names,
      Naming.Scope methodNames) {
    String where = pointer + "/x-websocket";
    String stem = Naming.typeName(op.getOperationId() != null ? op.getOperationId() : path);
    Optional<TypeRef> send = Optional.ofNullable(ws.get("send")).map(ref -> channelMessage(ref, where + "/send"));
    TypeRef receive = channelMessage(ws.get("receive"), where + "/receive");
    List<String> commands = new ArrayList<>();
    if (ws.get("textCommands") instanceof List<?> list) list.forEach(c -> commands.add(String.valueOf(c)));
    List<Parameter> parameters = parameters(item, op, stem, pointer);
    Optional<String> parametersObject = requestObject(stem + "Params", pointer, Docs.of("The query parameters of the handshake."),
        parameters, Optional.empty());
    String operationId = op.getOperationId() == null ? "connect" : op.getOperationId();
    return new Channel(
        operationId,
        pointer,
        names.claim(stem),
        methodNames.claim(methodName(operationId, tag)),
        Naming.memberName(tag),
        path.startsWith("/") ? path.substring(1) : path,
        new Docs(op.getSummary(), op.getDescription(), Boolean.TRUE.equals(op.getDeprecated())),
        parameters,
        parametersObject,
        apiKeyLocation(op.getSecurity() != null ? op.getSecurity() : api.getSecurity(), SecurityScheme.In.QUERY),
        send,
        Boolean.TRUE.equals(ws.get("binary")),
        receive,
        contexts(ws, where),
        Optional.ofNullable(ws.get("lastMessage")).map(String::valueOf),
        speech(ws),
        List.copyOf(commands));
  }

  private Optional<Channel.Contexts> contexts(Map<?, ?> ws, String where) {
    if (!(ws.get("multiplexBy") instanceof String key)) return Optional.empty();
    Optional<String> errorTag = Optional.empty();
    List<String> errorFields = new ArrayList<>();
    if (ws.get("contextError") instanceof Map<?, ?> error) {
      errorTag = Optional.ofNullable(error.get("tag")).map(String::valueOf);
      if (error.get("messageFields") instanceof List<?> fields) fields.forEach(f -> errorFields.add(String.valueOf(f)));
    }
    Optional<TypeRef> cancel = Optional.ofNullable(ws.get("cancel")).map(ref -> channelMessage(ref, where + "/cancel"));
    return Optional.of(new Channel.Contexts(key, Optional.ofNullable(ws.get("contextEndsWhen")).map(String::valueOf),
        errorTag, List.copyOf(errorFields), cancel));
  }

  private static Optional<Channel.Speech> speech(Map<?, ?> ws) {
    if (!(ws.get("speech") instanceof Map<?, ?> speech) || !(speech.get("audio") instanceof String audio)) {
      return Optional.empty();
    }
    return Optional.of(new Channel.Speech(audio, Optional.ofNullable(speech.get("wordTimestamps")).map(String::valueOf)));
  }

  private TypeRef channelMessage(Object ref, String pointer) {
    String text = ref instanceof Map<?, ?> map ? (String) map.get("$ref") : (String) ref;
    if (text == null) {
      error(pointer, "a channel needs a schema reference here, such as '#/components/schemas/Message'");
      return TypeRef.primitive(Kind.ANY);
    }
    return typeOf(new Schema<>().$ref(text), "Message", pointer);
  }

  private Optional<String> apiKeyLocation(List<SecurityRequirement> security, SecurityScheme.In in) {
    if (security == null || api.getComponents() == null || api.getComponents().getSecuritySchemes() == null) {
      return Optional.empty();
    }
    for (SecurityRequirement requirement : security) {
      for (String name : requirement.keySet()) {
        SecurityScheme scheme = api.getComponents().getSecuritySchemes().get(name);
        if (scheme != null && scheme.getType() == SecurityScheme.Type.APIKEY && scheme.getIn() == in) {
          return Optional.of(scheme.getName());
        }
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- helpers

  private void warn(String pointer, String message) {
    problems.add(SpecProblem.warning(pointer, message));
  }

  private void error(String pointer, String message) {
    problems.add(SpecProblem.error(pointer, message));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Schema<?>> castSchemas(Map<String, Schema> map) {
    return (Map) map;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Schema<?>> castList(List<Schema> list) {
    return (List) list;
  }
}
