package ai.cartesia.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.generator.Fixtures;
import ai.cartesia.generator.Generator;
import ai.cartesia.generator.ModelDump;
import ai.cartesia.generator.read.SpecProblem;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fixture spec generates exactly the files checked in next to it, and the same intermediate
 * model ({@code model.json}) and warnings ({@code warnings.txt}). After an intended change
 * of the generated code, refresh them with {@code mvn -pl generator test -Dgolden.update=true}
 * and review the diff.
 */
class GoldenFilesTest {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> fixtures() {
    return Fixtures.names();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void generatedFilesMatchTheGoldenFiles(String fixture) throws Exception {
    Map<Path, String> generated = new TreeMap<>();
    Generator.Output output = Generator.generate(Fixtures.spec(fixture), Fixtures.PACKAGE, null);
    for (JavaFile file : output.files()) {
      generated.put(GeneratedFiles.relativePath(file), file.toString());
    }
    // Snapshots of the intermediate model and of the warnings, beside the code they explain.
    generated.put(Path.of("model.json"), ModelDump.toJson(output.model()));
    StringBuilder warnings = new StringBuilder();
    for (SpecProblem warning : output.warnings())
      warnings
          .append(warning.format(Fixtures.spec(fixture).getFileName().toString()))
          .append('\n');
    generated.put(Path.of("warnings.txt"), warnings.toString());
    Path expectedRoot = Fixtures.expected(fixture);
    if (UPDATE) {
      rewrite(expectedRoot, generated);
      return;
    }
    Map<Path, String> expected = read(expectedRoot);
    List<String> differences = new ArrayList<>();
    for (var entry : generated.entrySet()) {
      String golden = expected.get(entry.getKey());
      if (golden == null) differences.add("new file: " + entry.getKey());
      else if (!golden.equals(entry.getValue()))
        differences.add("differs: " + entry.getKey() + firstDifference(golden, entry.getValue()));
    }
    for (Path path : expected.keySet()) {
      if (!generated.containsKey(path)) differences.add("no longer generated: " + path);
    }
    assertThat(differences)
        .as(
            "generated code of fixture '%s' changed; if intended, run `mvn -pl generator test -Dgolden.update=true` and review the diff",
            fixture)
        .isEmpty();
  }

  private static String firstDifference(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String left = i < a.length ? a[i] : "<end>";
      String right = i < b.length ? b[i] : "<end>";
      if (!left.equals(right))
        return " at line " + (i + 1) + ":\n  expected: " + left + "\n  actual:   " + right;
    }
    return "";
  }

  private static Map<Path, String> read(Path root) throws IOException {
    Map<Path, String> files = new TreeMap<>();
    if (!Files.isDirectory(root)) return files;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path), Files.readString(path, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static void rewrite(Path root, Map<Path, String> files) throws IOException {
    if (Files.isDirectory(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
      }
    }
    for (var entry : files.entrySet()) {
      Path target = root.resolve(entry.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, entry.getValue(), StandardCharsets.UTF_8);
    }
  }
}
