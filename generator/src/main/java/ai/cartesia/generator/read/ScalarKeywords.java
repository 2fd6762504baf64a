package ai.cartesia.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Drops {@code additionalProperties} from schemas whose {@code type} says they are not objects
 * ({@code {type: string, additionalProperties: true}}, as GitHub's description has): the keyword
 * applies to objects only, but swagger-parser reads any schema that has it as a map and forgets
 * the declared type. Done on the tree before parsing, with a warning per schema.
 */
final class ScalarKeywords {

  private static final Set<String> NOT_OBJECTS =
      Set.of("string", "number", "integer", "boolean", "array", "null");
  /** Values that are data, not parts of the document. */
  private static final Set<String> DATA = Set.of("example", "examples", "enum", "default", "const");
  /**
   * Keywords whose members the document names, so that a member named {@code default} (a
   * property, or an operation's default response) is not taken for data.
   */
  private static final Set<String> NAMED_MEMBERS = Set.of(
      "properties",
      "patternProperties",
      "dependentSchemas",
      "definitions",
      "$defs",
      "schemas",
      "responses",
      "parameters",
      "headers",
      "requestBodies",
      "callbacks",
      "pathItems",
      "content",
      "encoding");

  private ScalarKeywords() {}

  /** A node to visit; {@code named}: its members are names, not keywords. */
  private record Visit(String pointer, JsonNode node, boolean named) {}

  static List<SpecProblem> drop(JsonNode root) {
    List<SpecProblem> warnings = new ArrayList<>();
    Deque<Visit> pending = new ArrayDeque<>();
    pending.push(new Visit("#", root, false));
    while (!pending.isEmpty()) {
      Visit next = pending.pop();
      String pointer = next.pointer();
      JsonNode node = next.node();
      if (node.isArray()) {
        for (int i = node.size() - 1; i >= 0; i--)
          pending.push(new Visit(pointer + "/" + i, node.get(i), false));
        continue;
      }
      if (!node.isObject()) continue;
      String type = next.named() ? null : notObject(node.path("type"));
      if (type != null && node.has("additionalProperties")) {
        ((ObjectNode) node).remove("additionalProperties");
        warnings.add(SpecProblem.warning(
            pointer + "/additionalProperties",
            "'additionalProperties' applies to objects only; this " + type + " ignores it"));
      }
      List<Visit> children = new ArrayList<>();
      node.fields().forEachRemaining(field -> {
        String key = field.getKey();
        if (next.named() || (!DATA.contains(key) && !key.startsWith("x-"))) {
          boolean named = !next.named() && NAMED_MEMBERS.contains(key);
          children.add(new Visit(JsonPointers.child(pointer, key), field.getValue(), named));
        }
      });
      for (int i = children.size() - 1; i >= 0; i--) pending.push(children.get(i));
    }
    return warnings;
  }

  /**
   * The type a schema's {@code type} names if it cannot be an object, as the warning words it
   * ({@code string}, or {@code [string, null]} in OpenAPI 3.1); null if it can be one or says
   * nothing.
   */
  private static String notObject(JsonNode type) {
    if (type.isTextual()) return NOT_OBJECTS.contains(type.asText()) ? type.asText() : null;
    if (!type.isArray() || type.isEmpty()) return null;
    List<String> names = new ArrayList<>();
    for (JsonNode name : type) {
      if (!name.isTextual() || !NOT_OBJECTS.contains(name.asText())) return null;
      names.add(name.asText());
    }
    return "[" + String.join(", ", names) + "]";
  }
}
