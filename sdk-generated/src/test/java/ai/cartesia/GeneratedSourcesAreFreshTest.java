package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.generator.Generator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed sources are exactly what the generator makes of the spec today. */
class GeneratedSourcesAreFreshTest {

  private static final String REGENERATE = "mvn -B -Pregenerate install -DskipTests";

  @Test
  void committedSourcesMatchAFreshGeneration() throws Exception {
    Path spec = Path.of(System.getProperty("cartesia.spec"));
    Path sources = Path.of(System.getProperty("cartesia.generated.sources"));
    Map<Path, String> fresh = Generator.generate(spec, "ai.cartesia", null).sources();

    List<String> drift = new ArrayList<>();
    for (var file : fresh.entrySet()) {
      Path committed = sources.resolve(file.getKey());
      if (!Files.exists(committed)) {
        drift.add("missing: " + file.getKey());
      } else if (!Files.readString(committed, StandardCharsets.UTF_8).equals(file.getValue())) {
        drift.add("differs: " + file.getKey());
      }
    }
    for (Path committed : javaFiles(sources)) {
      if (!fresh.containsKey(sources.relativize(committed)))
        drift.add("not generated any more: " + sources.relativize(committed));
    }
    assertThat(drift)
        .as(
            "sdk-generated/src/main/java is out of date with %s; run `%s` and commit the result",
            spec.getFileName(), REGENERATE)
        .isEmpty();
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
