package ai.cartesia.generator.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
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
    checkSyntax(name, text);

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
  private static void checkSyntax(String name, String text) throws SpecException {
    try {
      new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "1:1" : at.getLineNr() + ":" + at.getColumnNr();
      String message = e.getOriginalMessage().lines().findFirst().orElse("syntax error").strip();
      throw new SpecException(name, List.of(SpecProblem.error(where, message)));
    }
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
