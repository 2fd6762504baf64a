package ai.cartesia.generator.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads an OpenAPI document with swagger-parser. Syntax errors are reported with line and column,
 * structural errors with the JSON pointer of the place they concern.
 */
public final class SpecReader {

  private static final Pattern ATTRIBUTE =
      Pattern.compile("attribute (\\S+?)(?: is | \\(|$)(.*)", Pattern.DOTALL);

  private SpecReader() {}

  public static OpenAPI read(Path file) throws SpecException {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecException(name, List.of(SpecProblem.error("1:1", "cannot read the file: " + e)));
    }
    JsonNode tree = parseSyntax(name, text);
    List<SpecProblem> dangling = danglingReferences(tree, tree, "#", new ArrayList<>());
    if (!dangling.isEmpty()) throw new SpecException(name, dangling);

    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readLocation(file.toAbsolutePath().toUri().toString(), null, options);
    List<SpecProblem> problems = new ArrayList<>();
    if (result.getMessages() != null) {
      for (String message : result.getMessages()) problems.add(toProblem(message));
    }
    if (result.getOpenAPI() == null && problems.isEmpty()) {
      problems.add(SpecProblem.error("#", "not an OpenAPI 3 document (no 'openapi' version found)"));
    }
    if (!problems.isEmpty()) throw new SpecException(name, problems);
    return result.getOpenAPI();
  }

  /** YAML is a superset of JSON, so one YAML parse finds syntax errors in either. */
  private static JsonNode parseSyntax(String name, String text) throws SpecException {
    try {
      JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(text);
      if (tree == null || !tree.isObject()) {
        throw new SpecException(name, List.of(SpecProblem.error("1:1", "the document is not a YAML or JSON object")));
      }
      return tree;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "1:1" : at.getLineNr() + ":" + at.getColumnNr();
      throw new SpecException(name, List.of(SpecProblem.error(where, oneLine(e.getOriginalMessage()))));
    }
  }

  /**
   * SnakeYAML explains a syntax error over several lines, quoting the text; the lines that are
   * not quotes say what was expected and in what context: {@code expected <block end>, but found
   * '<block mapping start>' (while parsing a block mapping)}.
   */
  static String oneLine(String message) {
    List<String> statements = message.lines()
        .filter(line -> !line.isBlank() && !line.startsWith(" "))
        .map(String::strip)
        .toList();
    if (statements.isEmpty()) return "syntax error";
    if (statements.size() == 1) return statements.get(0);
    return statements.get(statements.size() - 1) + " (" + String.join("; ", statements.subList(0, statements.size() - 1)) + ")";
  }

  /** Every local {@code $ref} that names nothing in the document, located where it stands. */
  private static List<SpecProblem> danglingReferences(JsonNode root, JsonNode node, String pointer, List<SpecProblem> found) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
        String target = ref.asText().substring(1);
        if (!target.isEmpty() && (!target.startsWith("/") || root.at(target).isMissingNode())) {
          found.add(SpecProblem.error(pointer, "$ref '" + ref.asText() + "' names nothing in this document"));
        }
      }
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        danglingReferences(root, field.getValue(), JsonPointers.child(pointer, field.getKey()), found);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) danglingReferences(root, node.get(i), pointer + "/" + i, found);
    }
    return found;
  }

  static SpecProblem toProblem(String message) {
    String oneLine = message.replaceAll("\\s+", " ").strip();
    Matcher attribute = ATTRIBUTE.matcher(oneLine);
    if (attribute.find()) {
      String pointer = JsonPointers.fromDotted(attribute.group(1));
      String rest = oneLine.substring(attribute.start(1) + attribute.group(1).length()).strip();
      return SpecProblem.error(pointer, "attribute " + rest);
    }
    return SpecProblem.error("#", oneLine);
  }
}
