package ai.cartesia.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.SwaggerParser;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.parser.util.SwaggerDeserializer;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Swagger 2.0 documents, still most of the public API descriptions, turned into OpenAPI 3.0 by
 * swagger-parser's converter; the rest of the reader then sees a 3.0 document. The problems
 * found are reported as for 3.x, located in the document as written.
 */
final class SwaggerTwo {

  private SwaggerTwo() {}

  /**
   * @param tree the 3.0 document, or null if the 2.0 one could not be read
   * @param problems what the 2.0 parser and the converter found
   */
  record Converted(JsonNode tree, List<SpecProblem> problems) {}

  static boolean isSwaggerTwo(JsonNode tree) {
    return !tree.has("openapi") && tree.path("swagger").asText("").startsWith("2");
  }

  static Converted convert(JsonNode tree, String location) {
    SwaggerDeserializationResult read;
    try {
      // The tree already read serves, unless references to other files need the 2.0 resolver.
      read = refersToOtherFiles(tree)
          ? new SwaggerParser().readWithInfo(location, null, true)
          : new SwaggerDeserializer().deserialize(tree);
    } catch (RuntimeException e) {
      return failed("the Swagger 2.0 document cannot be read: " + e.getMessage());
    }
    SwaggerParseResult converted;
    try {
      converted = new SwaggerConverter().convert(read);
    } catch (RuntimeException e) {
      return failed("the Swagger 2.0 document cannot be converted to OpenAPI 3: " + e);
    }
    boolean usable = converted.getOpenAPI() != null;
    List<SpecProblem> problems = new ArrayList<>();
    if (converted.getMessages() != null) {
      for (String message : converted.getMessages())
        problems.add(SpecReader.toProblem(message, usable));
    }
    if (!usable) {
      if (problems.isEmpty()) problems.add(SpecProblem.error("#", "not a Swagger 2.0 document"));
      return new Converted(null, List.copyOf(problems));
    }
    return new Converted(Json.mapper().valueToTree(converted.getOpenAPI()), List.copyOf(problems));
  }

  private static Converted failed(String message) {
    return new Converted(null, List.of(SpecProblem.error("#", message)));
  }

  private static boolean refersToOtherFiles(JsonNode node) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) return true;
    }
    for (JsonNode child : node) {
      if (child.isContainerNode() && refersToOtherFiles(child)) return true;
    }
    return false;
  }
}
