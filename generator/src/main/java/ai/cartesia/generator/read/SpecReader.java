package ai.cartesia.generator.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Loads an OpenAPI document with swagger-parser. Syntax errors are reported with line and column,
 * structural errors with the JSON pointer of the place they concern.
 */
public final class SpecReader {

  private static final Pattern ATTRIBUTE =
      Pattern.compile("attribute (\\S+?)(?: is | \\(|$)(.*)", Pattern.DOTALL);

  private static final Pattern SCHEMA_NAME =
      Pattern.compile("Schema name (.+) doesn't adhere to regular expression");

  /**
   * Thread-safe once configured, and costly to build: one for every read. Real documents run to
   * tens of megabytes (GitHub's is 13 MB), far past SnakeYAML's default limit of 3 MB.
   */
  private static final ObjectMapper YAML =
      new ObjectMapper(YAMLFactory.builder().loaderOptions(largeDocuments()).build());

  /** JSON documents are read by the JSON parser: faster than YAML's, and with JSON's own error positions. */
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The same readers, keeping every number exactly as written (for comparing examples). */
  private static final ObjectMapper EXACT_YAML = exactNumbers(YAML.copy());

  private static final ObjectMapper EXACT_JSON = exactNumbers(JSON.copy());

  private static ObjectMapper exactNumbers(ObjectMapper mapper) {
    return mapper
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
  }

  /**
   * A document as written, of any size, its numbers exact: JSON by the JSON parser, anything else
   * as YAML, as {@link #read} tells them apart.
   */
  public static JsonNode readTreeExactly(Path spec) throws IOException {
    String text = withoutByteOrderMark(Files.readString(spec, StandardCharsets.UTF_8));
    return (isJson(text) ? EXACT_JSON : EXACT_YAML).readTree(text);
  }

  private static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static boolean isJson(String text) {
    return text.stripLeading().startsWith("{");
  }

  private static LoaderOptions largeDocuments() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }

  private SpecReader() {}

  /**
   * A parsed document and what swagger-parser found wrong with it that does not stop generation
   * (real-world specs often break a rule the generator can live with).
   */
  /**
   * @param renamedRefs the schemas brought in from other files: each reference as written (with a
   *     leading {@code ./}) and the component name the resolver gave its schema
   */
  public record Parsed(OpenAPI api, List<SpecProblem> warnings, Map<String, String> renamedRefs) {}

  public static Parsed read(Path file) throws SpecException {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecException(
          name, List.of(SpecProblem.error("1:1", "cannot read the file: " + e)));
    }
    JsonNode tree = parseSyntax(name, text);
    String location = file.toAbsolutePath().toUri().toString();
    List<SpecProblem> problems = new ArrayList<>();
    if (SwaggerTwo.isSwaggerTwo(tree)) {
      SwaggerTwo.Converted converted = SwaggerTwo.convert(tree, location);
      if (converted.tree() == null) throw new SpecException(name, converted.problems());
      problems.addAll(converted.problems());
      tree = converted.tree();
    }
    List<SpecProblem> unreadable = OperationRefs.inline(tree, file, YAML);
    if (!unreadable.isEmpty()) throw new SpecException(name, unreadable);
    LocalRefs.decode(tree);
    problems.addAll(ScalarKeywords.drop(tree));
    References.Check references = References.check(tree);
    if (!references.dangling().isEmpty()) throw new SpecException(name, references.dangling());
    LocalRefs.hoist((ObjectNode) tree);
    References.qualifyMappingNames(tree);

    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    // The tree parsed above is reused, so the file is read once. Reading a tree does not follow
    // references to other files: the resolver does that, for the documents that have any (local
    // references are followed by the model builder).
    SwaggerParseResult result = new OpenAPIV3Parser().parseJsonNode(location, tree, options);
    Map<String, String> renamed = Map.of();
    if (result.getOpenAPI() != null && references.toOtherFiles()) {
      try {
        OpenAPIResolver resolver =
            new OpenAPIResolver(result.getOpenAPI(), null, location, null, options);
        resolver.resolve(result);
        renamed = Map.copyOf(resolver.getCache().getRenameCache());
      } catch (RuntimeException e) {
        // The resolver throws, rather than reports, a file it cannot load.
        throw new SpecException(
            name,
            List.of(SpecProblem.error(
                "#",
                "cannot follow a reference to another file: "
                    + oneLine(String.valueOf(e.getMessage())))));
      }
    }
    if (result.getMessages() != null) {
      for (String message : result.getMessages())
        problems.add(toProblem(message, result.getOpenAPI() != null));
    }
    if (result.getOpenAPI() == null) {
      if (problems.isEmpty()) {
        problems.add(
            SpecProblem.error("#", "not an OpenAPI 3 document (no 'openapi' version found)"));
      }
      throw new SpecException(
          name,
          problems.stream()
              .map(p -> SpecProblem.error(p.location(), p.message()))
              .toList());
    }
    return new Parsed(result.getOpenAPI(), List.copyOf(problems), renamed);
  }

  /**
   * A document that starts with a brace is JSON; any other is YAML (a superset of JSON, so a
   * YAML parse finds syntax errors in either).
   */
  private static JsonNode parseSyntax(String name, String document) throws SpecException {
    String text = withoutByteOrderMark(document);
    try {
      JsonNode tree = (isJson(text) ? JSON : YAML).readTree(text);
      if (tree == null || !tree.isObject()) {
        throw new SpecException(
            name, List.of(SpecProblem.error("1:1", "the document is not a YAML or JSON object")));
      }
      return tree;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "1:1" : at.getLineNr() + ":" + at.getColumnNr();
      throw new SpecException(
          name, List.of(SpecProblem.error(where, oneLine(e.getOriginalMessage()))));
    }
  }

  /**
   * SnakeYAML explains a syntax error over several lines, quoting the text; the lines that are
   * not quotes say what was expected and in what context: {@code expected <block end>, but found
   * '<block mapping start>' (while parsing a block mapping)}.
   */
  static String oneLine(String message) {
    List<String> statements = message
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith(" "))
        .map(String::strip)
        .toList();
    if (statements.isEmpty()) return "syntax error";
    if (statements.size() == 1) return statements.get(0);
    return statements.get(statements.size() - 1) + " ("
        + String.join("; ", statements.subList(0, statements.size() - 1)) + ")";
  }

  /** One message of swagger-parser, located; a warning when the document could still be read. */
  static SpecProblem toProblem(String message, boolean usable) {
    String oneLine = message.replaceAll("\\s+", " ").strip();
    SpecProblem.Severity severity =
        usable ? SpecProblem.Severity.WARNING : SpecProblem.Severity.ERROR;
    Matcher schemaName = SCHEMA_NAME.matcher(oneLine);
    if (schemaName.find()) {
      return new SpecProblem(
          severity,
          JsonPointers.schema(schemaName.group(1)),
          "the name does not match ^[a-zA-Z0-9.\\-_]+$, as OpenAPI asks of component names");
    }
    Matcher attribute = ATTRIBUTE.matcher(oneLine);
    if (attribute.find()) {
      String pointer = JsonPointers.fromDotted(attribute.group(1));
      String rest =
          oneLine.substring(attribute.start(1) + attribute.group(1).length()).strip();
      return new SpecProblem(severity, pointer, "attribute " + rest);
    }
    return new SpecProblem(severity, "#", oneLine);
  }
}
