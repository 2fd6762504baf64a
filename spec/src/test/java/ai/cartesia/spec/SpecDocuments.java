package ai.cartesia.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds, reads and caches the API documents of this module. */
final class SpecDocuments {

  static final String CURRENT = "cartesia-2.0.6.yaml";
  static final String PREVIOUS = "cartesia-2.0.4.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, JsonNode> TREES = new ConcurrentHashMap<>();
  private static final Map<String, SwaggerParseResult> PARSED = new ConcurrentHashMap<>();

  private SpecDocuments() {}

  /** The folder of the documents: the {@code cartesia.spec.dir} system property, else the working directory. */
  static Path dir() {
    String dir = System.getProperty("cartesia.spec.dir");
    return Path.of(dir == null || dir.isBlank() ? "." : dir);
  }

  static Path path(String file) {
    Path path = dir().resolve(file);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("no API document at " + path.toAbsolutePath()
          + "; run the tests through Maven, which sets cartesia.spec.dir");
    }
    return path;
  }

  /** The document as a plain JSON tree, exactly as written (no resolution). */
  static JsonNode tree(String file) {
    return TREES.computeIfAbsent(file, f -> {
      try {
        return YAML.readTree(path(f).toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The document as swagger-parser reads it, with references resolved. */
  static SwaggerParseResult parsed(String file) {
    return PARSED.computeIfAbsent(file, f -> {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      return new OpenAPIV3Parser().readLocation(path(f).toUri().toString(), null, options);
    });
  }

  /** Escapes one JSON-pointer segment. */
  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
