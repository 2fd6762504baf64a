package ai.cartesia.generator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden fixture specs in {@code src/test/resources/golden}: one small spec per shape the
 * generator handles, next to the folder of the files it must generate.
 */
public final class Fixtures {

  public static final Path ROOT = Path.of("src", "test", "resources", "golden");
  public static final String PACKAGE = "com.example.golden";
  public static final Path CARTESIA_SPEC =
      Path.of(System.getProperty("cartesia.spec", "../spec/cartesia-2.0.6.yaml"));

  private Fixtures() {}

  /** The fixture names (file names without {@code .yaml} or {@code .json}), sorted. */
  public static Stream<String> names() {
    try (Stream<Path> files = Files.list(ROOT)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") || n.endsWith(".json"))
          .map(n -> n.substring(0, n.lastIndexOf('.')))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture's spec: YAML, or JSON for the fixtures that check JSON input. */
  public static Path spec(String name) {
    Path json = ROOT.resolve(name + ".json");
    return Files.exists(json) ? json : ROOT.resolve(name + ".yaml");
  }

  public static Path expected(String name) {
    return ROOT.resolve(name);
  }

  /**
   * A JSON value a schema must read and write back unchanged ({@code class}: the variant it must
   * read as), or reject with an error containing {@code error}.
   */
  public record TestVector(
      String schema, JsonNode json, String expectedClass, String expectedError) {}

  /** The {@code x-test-vectors} of every component schema of a fixture, numbers kept exact. */
  public static List<TestVector> testVectors(String name) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    JsonNode schemas = yaml.readTree(spec(name).toFile()).path("components").path("schemas");
    List<TestVector> vectors = new ArrayList<>();
    schemas.fields().forEachRemaining(schema -> {
      for (JsonNode vector : schema.getValue().path("x-test-vectors")) {
        vectors.add(new TestVector(
            schema.getKey(),
            vector.get("json"),
            vector.path("class").asText(null),
            vector.path("error").asText(null)));
      }
    });
    return vectors;
  }
}
