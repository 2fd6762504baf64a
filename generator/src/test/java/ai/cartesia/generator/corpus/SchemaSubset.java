package ai.cartesia.generator.corpus;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The part of a document that some of its schemas need to be validated: those schemas and every
 * schema they reach through {@code $ref}, each at its own pointer, without descriptions and
 * examples. GitHub's 13 MB description shrinks to what a few schemas use, so the validator's own
 * copy of it fits beside the generated classes.
 */
final class SchemaSubset {

  /** Keywords whose value is a map from names to schemas, not a schema. */
  private static final Set<String> NAME_MAPS = Set.of(
      "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas");
  /** Keywords that only explain: the validator never reads them. */
  private static final Set<String> PROSE =
      Set.of("description", "summary", "title", "example", "examples", "externalDocs");
  /** Keywords whose value is data, copied as it is. */
  private static final Set<String> DATA = Set.of("enum", "const", "default");

  private static final int MAX_DEPTH = 500;

  private final JsonNode document;
  private final ObjectNode subset = JsonNodeFactory.instance.objectNode();
  private final Set<String> copied = new HashSet<>();

  private SchemaSubset(JsonNode document) {
    this.document = document;
    for (String version : new String[] {"openapi", "swagger"}) {
      if (document.has(version)) subset.set(version, document.get(version));
    }
  }

  /** The subset holding the schemas at {@code pointers} ({@code #/components/schemas/Pet}). */
  static JsonNode of(JsonNode document, Collection<String> pointers) {
    SchemaSubset subset = new SchemaSubset(document);
    Deque<String> pending = new ArrayDeque<>(pointers);
    while (!pending.isEmpty()) subset.copy(pending.removeFirst(), pending);
    return subset.subset;
  }

  private void copy(String ref, Deque<String> pending) {
    if (!ref.startsWith("#/") || !copied.add(ref)) return;
    JsonPointer path;
    try {
      // A reference is a URI fragment: percent-encoding is undone before the pointer is read.
      String fragment = ref.substring(1);
      if (fragment.indexOf('%') >= 0) {
        fragment = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
      }
      path = JsonPointer.compile(fragment);
    } catch (IllegalArgumentException e) {
      return;
    }
    JsonNode original = document.at(path);
    if (original.isMissingNode()) return;
    JsonNode stripped = strip(original, false, pending, 0);
    JsonNode parent = subset;
    JsonNode source = document;
    JsonPointer at = path;
    while (!at.tail().matches()) {
      source = source.isArray()
          ? source.get(at.getMatchingIndex())
          : source.get(at.getMatchingProperty());
      JsonNode existing = get(parent, at);
      if (existing == null || !existing.isContainerNode()) {
        existing = source.isArray()
            ? JsonNodeFactory.instance.arrayNode()
            : JsonNodeFactory.instance.objectNode();
        put(parent, at, existing);
      }
      parent = existing;
      at = at.tail();
    }
    put(parent, at, stripped);
  }

  /** The value under the first step of {@code at}. */
  private static JsonNode get(JsonNode parent, JsonPointer at) {
    return parent.isArray()
        ? parent.get(at.getMatchingIndex())
        : parent.get(at.getMatchingProperty());
  }

  /** Sets the value under the first step of {@code at}, growing an array as far as needed. */
  private static void put(JsonNode parent, JsonPointer at, JsonNode value) {
    if (parent instanceof ObjectNode object) {
      object.set(at.getMatchingProperty(), value);
    } else if (parent instanceof ArrayNode array) {
      int index = at.getMatchingIndex();
      while (array.size() <= index) array.addObject();
      array.set(index, value);
    }
  }

  /** A copy without prose; every {@code $ref} it holds is queued for copying too. */
  private JsonNode strip(JsonNode node, boolean nameMap, Deque<String> pending, int depth) {
    if (depth > MAX_DEPTH) return node;
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      for (JsonNode item : node) copy.add(strip(item, false, pending, depth + 1));
      return copy;
    }
    if (!node.isObject()) return node;
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    node.fields().forEachRemaining(field -> {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (nameMap) {
        copy.set(key, strip(value, false, pending, depth + 1));
      } else if (DATA.contains(key)) {
        copy.set(key, value);
      } else if (key.equals("mapping") && value.isObject()) {
        // a discriminator's mapping: its values are references too
        value.forEach(target -> pending.add(target.asText()));
        copy.set(key, value);
      } else if (!PROSE.contains(key)) {
        if (key.equals("$ref") && value.isTextual()) pending.add(value.asText());
        copy.set(key, strip(value, NAME_MAPS.contains(key), pending, depth + 1));
      }
    });
    return copy;
  }
}
