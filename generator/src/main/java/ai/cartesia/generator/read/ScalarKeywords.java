package ai.cartesia.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops {@code additionalProperties} from schemas whose {@code type} says they are not objects
 * ({@code {type: string, additionalProperties: true}}, as GitHub's description has): the keyword
 * applies to objects only, but swagger-parser reads any schema that has it as a map and forgets
 * the declared type. Done on the tree before parsing, with a warning per schema.
 */
final class ScalarKeywords {

  private static final Set<String> NOT_OBJECTS =
      Set.of("string", "number", "integer", "boolean", "array");
  /** Values that are data, not parts of the document. */
  private static final Set<String> DATA = Set.of("example", "examples", "enum", "default", "const");

  private ScalarKeywords() {}

  static List<SpecProblem> drop(JsonNode root) {
    List<SpecProblem> warnings = new ArrayList<>();
    Deque<Map.Entry<String, JsonNode>> pending = new ArrayDeque<>();
    pending.push(Map.entry("#", root));
    while (!pending.isEmpty()) {
      var next = pending.pop();
      String pointer = next.getKey();
      JsonNode node = next.getValue();
      if (node.isArray()) {
        for (int i = node.size() - 1; i >= 0; i--)
          pending.push(Map.entry(pointer + "/" + i, node.get(i)));
        continue;
      }
      if (!node.isObject()) continue;
      String type = node.path("type").asText("");
      if (NOT_OBJECTS.contains(type) && node.has("additionalProperties")) {
        ((ObjectNode) node).remove("additionalProperties");
        warnings.add(SpecProblem.warning(
            pointer + "/additionalProperties",
            "'additionalProperties' applies to objects only; this " + type + " ignores it"));
      }
      List<Map.Entry<String, JsonNode>> children = new ArrayList<>();
      node.fields().forEachRemaining(field -> {
        if (!DATA.contains(field.getKey()) && !field.getKey().startsWith("x-")) {
          children.add(Map.entry(JsonPointers.child(pointer, field.getKey()), field.getValue()));
        }
      });
      for (int i = children.size() - 1; i >= 0; i--) pending.push(children.get(i));
    }
    return warnings;
  }
}
