package ai.cartesia.benchmarks;

import ai.cartesia.generator.Generator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generating a Java SDK from the full Cartesia spec ({@code cartesia-2.0.6.yaml}, packed into the
 * jar), warm, as the average time of one generation.
 *
 * <ul>
 *   <li>{@code openApiGenerator} (baseline): OpenAPI Generator 7.25.0's {@code java} generator
 *       (default library {@code okhttp-gson}), in process: {@code new DefaultGenerator().opts(new
 *       CodegenConfigurator()...toClientOptInput()).generate()}. It parses the spec and writes
 *       APIs, models and supporting files (build files, {@code ApiClient}, ...) to a temporary
 *       folder, overwriting the previous generation's files; API and model docs and tests are
 *       turned off, since our generator makes neither. Its writes go to the page cache: on this
 *       kind of machine they are a small part of its time, but they are in it.
 *   <li>{@code cartesia}: our generator, {@code Generator.generate(spec, "ai.cartesia", null)},
 *       which parses the spec and builds the {@code JavaFile}s in memory, then the source text of
 *       every file ({@code JavaFile.toString()}, what {@code generateTo} would write), so that both
 *       sides end with the text of every file.
 * </ul>
 *
 * <p>The ratio of {@code cartesia} is ours / theirs: the target is at most 0.2 (ours at
 * least 5x faster). Measured, not asserted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
public class GeneratorBenchmark {

  static final String SPEC_RESOURCE = "/spec/cartesia-2.0.6.yaml";

  private Path folder;
  private Path spec;
  private Path openApiGeneratorOutput;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    folder = Files.createTempDirectory("generator-benchmark");
    spec = extractSpec(folder);
    openApiGeneratorOutput = Files.createDirectories(folder.resolve("openapi-generator"));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    deleteRecursively(folder);
  }

  /** Copies the spec packed into the jar to {@code folder}, since both generators read a file. */
  static Path extractSpec(Path folder) throws IOException {
    Path target = folder.resolve("cartesia-2.0.6.yaml");
    try (InputStream in = GeneratorBenchmark.class.getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) throw new IllegalStateException(SPEC_RESOURCE + " is not on the class path");
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  @Benchmark
  public long cartesia() throws Exception {
    return cartesia(spec);
  }

  @Benchmark
  @Baseline
  public List<java.io.File> openApiGenerator() {
    return openApiGenerator(spec, openApiGeneratorOutput);
  }

  /** Our generation, in memory, to the text of every file; returns the number of characters. */
  static long cartesia(Path spec) throws Exception {
    long characters = 0;
    for (String source : Generator.generate(spec, "ai.cartesia", null).sources().values())
      characters += source.length();
    return characters;
  }

  /** OpenAPI Generator's Java client for the spec, written under {@code output}; the files written. */
  static List<java.io.File> openApiGenerator(Path spec, Path output) {
    CodegenConfigurator configurator = new CodegenConfigurator()
        .setInputSpec(spec.toString())
        .setGeneratorName("java")
        .setOutputDir(output.toString())
        .addGlobalProperty("apiDocs", "false")
        .addGlobalProperty("modelDocs", "false")
        .addGlobalProperty("apiTests", "false")
        .addGlobalProperty("modelTests", "false")
        // No "Thanks for using OpenAPI Generator" banner on standard output per generation.
        .addGlobalProperty("quiet", "true");
    return new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
  }

  static void deleteRecursively(Path root) throws IOException {
    if (root == null || !Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
