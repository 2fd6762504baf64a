package ai.cartesia.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The references of a document tree: {@code $ref}s, and the values of discriminator mappings.
 * Extensions ({@code x-...}) and examples are opaque values, so a {@code $ref} inside them is
 * data; but in a map of names (properties, headers, components, ...) a key spelled {@code
 * x-request-id} or {@code example} is just a name, and what it holds is read as usual.
 */
final class References {

  /** The keys whose values are maps from names the spec chooses to OpenAPI objects. */
  private static final Set<String> MAPS_OF_NAMES = Set.of(
      "properties",
      "patternProperties",
      "$defs",
      "definitions",
      "paths",
      "webhooks",
      "responses",
      "content",
      "headers",
      "examples",
      "encoding",
      "links",
      "callbacks",
      "variables",
      "schemas",
      "parameters",
      "requestBodies",
      "securitySchemes",
      "pathItems",
      "mapping");

  private References() {}

  /** What the references of a document come to: those that name nothing, and whether any names another file. */
  record Check(List<SpecProblem> dangling, boolean toOtherFiles) {}

  /** Every local {@code $ref} that names nothing in the document, located where it stands. */
  static Check check(JsonNode root) {
    List<SpecProblem> dangling = new ArrayList<>();
    boolean[] toOtherFiles = {false};
    walk(root, Place.ROOT, "", (object, place, key) -> {
      if (!object.path("$ref").isTextual()) return;
      String ref = object.get("$ref").asText();
      if (!ref.startsWith("#")) {
        toOtherFiles[0] = true;
        return;
      }
      String target = ref.substring(1);
      if (!target.isEmpty() && (!target.startsWith("/") || root.at(target).isMissingNode())) {
        dangling.add(SpecProblem.error(
            place.pointer(), "$ref '" + ref + "' names nothing in this document"));
      }
    });
    return new Check(List.copyOf(dangling), toOtherFiles[0]);
  }

  /**
   * Writes each discriminator mapping value that is the bare name of a component schema as a
   * reference to it ({@code Cat} or {@code com.example.Cat} becomes {@code
   * #/components/schemas/com.example.Cat}), so that nothing takes a dotted name for a file.
   */
  static void qualifyMappingNames(JsonNode root) {
    JsonNode schemas = componentSchemas(root);
    walk(
        root,
        Place.ROOT,
        "",
        (object, place, key) -> forEachMappingValue(object, key, tag -> {
          String value = tag.getValue().asText();
          if (!isReference(value, schemas) && schemas.has(value))
            tag.setValue(TextNode.valueOf("#/components/schemas/" + value));
        }));
  }

  /**
   * Rewrites every reference of {@code node} in place with {@code rewritten}: its {@code $ref}s,
   * and the mapping values that are references, not bare names of a schema of {@code schemas}.
   */
  static void rewrite(JsonNode node, JsonNode schemas, UnaryOperator<String> rewritten) {
    walk(node, Place.ROOT, "", (object, place, key) -> {
      if (object.path("$ref").isTextual())
        object.put("$ref", rewritten.apply(object.get("$ref").asText()));
      forEachMappingValue(object, key, tag -> {
        String value = tag.getValue().asText();
        if (isReference(value, schemas)) tag.setValue(TextNode.valueOf(rewritten.apply(value)));
      });
    });
  }

  /** The textual entries of the mapping of {@code object}, if it is a discriminator. */
  private static void forEachMappingValue(
      ObjectNode object, String key, Consumer<Map.Entry<String, JsonNode>> action) {
    if (!key.equals("discriminator") || !(object.get("mapping") instanceof ObjectNode mapping))
      return;
    for (Map.Entry<String, JsonNode> tag : mapping.properties()) {
      if (tag.getValue().isTextual()) action.accept(tag);
    }
  }

  /** The document's {@code components/schemas}, or a missing node. */
  static JsonNode componentSchemas(JsonNode root) {
    return root.path("components").path("schemas");
  }

  /**
   * Whether a discriminator mapping value names its schema by reference ({@code #/...}, a file)
   * rather than by the bare name of a component schema, which may contain dots.
   */
  private static boolean isReference(String value, JsonNode schemas) {
    return value.contains("#") || value.contains("/") || value.contains(".") && !schemas.has(value);
  }

  /** Whether the value of {@code key}, inside the value of {@code containerKey}, is opaque data. */
  static boolean isData(String key, String containerKey) {
    return (key.startsWith("x-") || key.equals("example")) && !MAPS_OF_NAMES.contains(containerKey);
  }

  private interface Visitor {
    void visit(ObjectNode object, Place place, String key);
  }

  /**
   * Where a node stands: its parent's place and its own token. Its JSON pointer is spelled out only
   * when a problem names it, not for each of the million nodes of a large document.
   */
  private record Place(Place parent, String token) {
    static final Place ROOT = new Place(null, null);

    Place child(String childToken) {
      return new Place(this, childToken);
    }

    String pointer() {
      return parent == null ? "#" : JsonPointers.child(parent.pointer(), token);
    }
  }

  /** Visits every object outside opaque data, with its place and the key it stands under. */
  private static void walk(JsonNode node, Place place, String key, Visitor visitor) {
    if (node instanceof ObjectNode object) {
      visitor.visit(object, place, key);
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (!isData(field.getKey(), key))
          walk(field.getValue(), place.child(field.getKey()), field.getKey(), visitor);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++)
        walk(node.get(i), place.child(String.valueOf(i)), key, visitor);
    }
  }
}
