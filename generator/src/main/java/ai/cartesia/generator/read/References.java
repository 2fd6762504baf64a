package ai.cartesia.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The {@code $ref}s of a document tree that are references. Extensions ({@code x-...}) and
 * examples are opaque values, so a {@code $ref} inside them is data; but in a map of names
 * (properties, headers, components, ...) a key spelled {@code x-request-id} or {@code example}
 * is just a name, and what it holds is checked as usual.
 */
final class References {

  /** The keys whose values are maps from names the spec chooses to OpenAPI objects. */
  private static final Set<String> MAPS_OF_NAMES = Set.of(
      "properties", "patternProperties", "$defs", "definitions", "paths", "webhooks", "responses", "content",
      "headers", "examples", "encoding", "links", "callbacks", "variables", "schemas", "parameters",
      "requestBodies", "securitySchemes", "pathItems", "mapping");

  private References() {}

  /** Calls {@code visit} with every object holding a textual {@code $ref} and its pointer. */
  static void forEach(JsonNode root, BiConsumer<ObjectNode, String> visit) {
    walk(root, "#", "", visit);
  }

  /** Whether a {@code $ref} anywhere in the document names another file. */
  static boolean anyToOtherFiles(JsonNode root) {
    boolean[] found = {false};
    forEach(root, (object, pointer) -> found[0] |= !object.get("$ref").asText().startsWith("#"));
    return found[0];
  }

  /**
   * Writes each discriminator mapping value that is the bare name of a component schema as a
   * reference to it ({@code Cat} or {@code com.example.Cat} becomes {@code
   * #/components/schemas/com.example.Cat}), so that nothing takes a dotted name for a file.
   */
  static void qualifyMappingNames(JsonNode root) {
    JsonNode schemas = root.path("components").path("schemas");
    walkObjects(root, "", (object, key) -> {
      if (!key.equals("discriminator") || !(object.get("mapping") instanceof ObjectNode mapping)) return;
      for (Map.Entry<String, JsonNode> tag : mapping.properties()) {
        String value = tag.getValue().asText();
        if (tag.getValue().isTextual() && !value.contains("/") && !value.contains("#") && schemas.has(value)) {
          tag.setValue(TextNode.valueOf("#/components/schemas/" + value));
        }
      }
    });
  }

  /** Whether the value of {@code key}, inside the value of {@code containerKey}, is opaque data. */
  static boolean isData(String key, String containerKey) {
    return (key.startsWith("x-") || key.equals("example")) && !MAPS_OF_NAMES.contains(containerKey);
  }

  private static void walk(JsonNode node, String pointer, String key, BiConsumer<ObjectNode, String> visit) {
    if (node instanceof ObjectNode object) {
      if (object.path("$ref").isTextual()) visit.accept(object, pointer);
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (isData(field.getKey(), key)) continue;
        walk(field.getValue(), JsonPointers.child(pointer, field.getKey()), field.getKey(), visit);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) walk(node.get(i), pointer + "/" + i, key, visit);
    }
  }

  /** Calls {@code visit} with every object outside opaque data, and the key it stands under. */
  static void walkObjects(JsonNode node, String key, BiConsumer<ObjectNode, String> visit) {
    if (node instanceof ObjectNode object) {
      visit.accept(object, key);
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (!isData(field.getKey(), key)) walkObjects(field.getValue(), field.getKey(), visit);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) walkObjects(element, key, visit);
    }
  }
}
