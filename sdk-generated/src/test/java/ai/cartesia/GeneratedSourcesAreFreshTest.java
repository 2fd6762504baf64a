package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.emit.GeneratedFiles;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed sources are exactly what the generator makes of the spec today. */
class GeneratedSourcesAreFreshTest {

  private static final String REGENERATE = "mvn -B -Pregenerate install -DskipTests";

  @Test
  void committedSourcesMatchAFreshGeneration() throws Exception {
    Path spec = Path.of(System.getProperty("cartesia.spec"));
    Path sources = Path.of(System.getProperty("cartesia.generated.sources"));
    List<JavaFile> fresh = Generator.generate(spec, "ai.cartesia", null).files();

    List<String> drift = new ArrayList<>();
    Set<Path> expected = new TreeSet<>();
    for (JavaFile file : fresh) {
      Path relative = GeneratedFiles.relativePath(file);
      expected.add(relative);
      Path committed = sources.resolve(relative);
      if (!Files.exists(committed)) {
        drift.add("missing: " + relative);
      } else if (!Files.readString(committed, StandardCharsets.UTF_8).equals(file.toString())) {
        drift.add("differs: " + relative);
      }
    }
    for (Path committed : javaFiles(sources)) {
      if (!expected.contains(sources.relativize(committed))) drift.add("not generated any more: " + sources.relativize(committed));
    }
    assertThat(drift)
        .as("sdk-generated/src/main/java is out of date with %s; run `%s` and commit the result", spec.getFileName(), REGENERATE)
        .isEmpty();
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
