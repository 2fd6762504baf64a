package ai.cartesia.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both generators of GeneratorBenchmark run on the spec packed into the jar, on the benchmarks'
 * class path (where OpenAPI Generator runs with the swagger-parser, Jackson and SLF4J versions of
 * our generator): a version clash would fail here, in `mvn verify`.
 */
class GeneratorBenchmarkTest {

  @TempDir
  Path folder;

  @Test
  void ourGeneratorWritesTheSdkInMemory() throws Exception {
    Path spec = GeneratorBenchmark.extractSpec(folder);
    assertThat(GeneratorBenchmark.cartesia(spec)).isGreaterThan(500_000);
  }

  @Test
  void openApiGeneratorWritesItsJavaClientWithoutDocsOrTests() throws Exception {
    Path spec = GeneratorBenchmark.extractSpec(folder);
    Path output = Files.createDirectories(folder.resolve("out"));
    List<File> files = GeneratorBenchmark.openApiGenerator(spec, output);
    assertThat(files)
        .extracting(File::getName)
        .contains(
            "ApiClient.java",
            "JSON.java",
            "TtsApi.java",
            "WebSocketResponse.java",
            "WebSocketChunkResponse.java")
        .noneMatch(name -> name.endsWith("Test.java"));
    assertThat(files)
        .noneMatch(file -> file.getPath().contains(File.separator + "docs" + File.separator));
    assertThat(output.resolve("src/main/java/org/openapitools/client/model/WebSocketResponse.java"))
        .exists();

    // Again into the same folder, as the benchmark does: all but .openapi-generator-ignore,
    // which it writes only when missing.
    assertThat(GeneratorBenchmark.openApiGenerator(spec, output))
        .hasSize(files.size() - 1)
        .extracting(File::getName)
        .contains("WebSocketResponse.java")
        .doesNotContain(".openapi-generator-ignore");
  }
}
