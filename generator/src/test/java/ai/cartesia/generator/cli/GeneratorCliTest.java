package ai.cartesia.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GeneratorCliTest {

  private static final Path CARTESIA_SPEC = Path.of("..", "spec", "cartesia-2.0.6.yaml");

  @TempDir
  Path temp;

  @Test
  void generatingTwiceGivesTheSameBytes() throws Exception {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    assertThat(run("generate", "--spec", CARTESIA_SPEC.toString(), "--out", first.toString(), "-q")
            .code)
        .isZero();
    assertThat(run("generate", "--spec", CARTESIA_SPEC.toString(), "--out", second.toString(), "-q")
            .code)
        .isZero();

    Map<Path, byte[]> a = contents(first);
    Map<Path, byte[]> b = contents(second);
    assertThat(a).isNotEmpty();
    assertThat(b.keySet()).isEqualTo(a.keySet());
    a.forEach((path, bytes) -> assertThat(b.get(path)).as(path.toString()).isEqualTo(bytes));
  }

  @Test
  void anOutputThatCannotBeWrittenFailsNamingThePlace() throws Exception {
    // Files are written while others are still being rendered; a failure must still end the run.
    Path notAFolder = Files.writeString(temp.resolve("file"), "not a folder");

    Result result =
        run("generate", "--spec", CARTESIA_SPEC.toString(), "--out", notAFolder.toString(), "-q");

    assertThat(result.code).isEqualTo(1);
    assertThat(result.err).startsWith("cannot write the output: ").contains(notAFolder.toString());
  }

  @Test
  void versionPrintsTheBuildsVersion() {
    String expected = System.getProperty("expected.version");
    assertThat(expected).as("the build passes the project's version").isNotBlank();

    Result result = run("--version");

    assertThat(result.code).isZero();
    assertThat(result.out.strip()).isEqualTo("generator " + expected);
  }

  @Test
  void theModelCanBeDumpedAsJson() throws Exception {
    Path dump = temp.resolve("dump").resolve("model.json");
    Result result = run(
        "generate",
        "--spec",
        CARTESIA_SPEC.toString(),
        "--out",
        temp.resolve("out").toString(),
        "--dump-model",
        dump.toString(),
        "-q");

    assertThat(result.code).isZero();
    String json = Files.readString(dump);
    assertThat(json)
        .contains("\"kind\" : \"DiscriminatedUnion\"")
        .contains("\"name\" : \"WebSocketResponse\"")
        .contains("\"wireName\" : \"context_id\"");
  }

  @Test
  void aSyntaxErrorIsOneLineNamingTheFileLineAndColumn() {
    Result result = run("generate", "--spec", spec("broken-syntax.yaml"), "--out", temp.toString());

    assertThat(result.code).isEqualTo(1);
    List<String> lines = result.err.lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .matches(".*broken-syntax\\.yaml:\\d+:\\d+: .+")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void anUnresolvedReferenceNamesItsJsonPointer() {
    Result result =
        run("generate", "--spec", spec("missing-reference.yaml"), "--out", temp.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.err).contains("missing-reference.yaml#/").doesNotContain("\tat ");
    assertThat(result.err).contains("#/components/schemas/Other/properties/thing");
  }

  @Test
  void aMissingFileIsReportedNotThrown() {
    Result result =
        run("generate", "--spec", temp.resolve("nope.yaml").toString(), "--out", temp.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.err.lines().toList()).hasSize(1);
    assertThat(result.err).contains("nope.yaml").contains("cannot read");
  }

  @Test
  void wrongUsageExitsWithTwo() {
    assertThat(run("generate", "--out", temp.toString()).code).isEqualTo(2);
  }

  @Test
  void checkCompilesTheOutputAndSaysSo() {
    Result result =
        run("generate", "--spec", golden("operations"), "--out", temp.toString(), "--check");

    assertThat(result.code).as(result.err).isZero();
    assertThat(result.out).contains("and they compile");
  }

  @Test
  void checkFailsWithTheSpecLocationOfEachCompileError() throws Exception {
    // A runtime of one class: the generated code names the rest of sdk-core, which is missing.
    Path runtime = temp.resolve("partial-runtime/ai/cartesia/core");
    Files.createDirectories(runtime);
    try (var in = ai.cartesia.core.ClientOptions.class.getResourceAsStream("ClientOptions.class")) {
      Files.copy(in, runtime.resolve("ClientOptions.class"));
    }

    Result result = run(
        "generate",
        "--spec",
        golden("operations"),
        "--out",
        temp.resolve("out").toString(),
        "--package",
        "com.example.golden",
        "--check",
        "--classpath",
        temp.resolve("partial-runtime").toString());

    assertThat(result.code).isEqualTo(3);
    assertThat(result.out).doesNotContain("generated");
    assertThat(result.err.lines())
        .anyMatch(line -> line.startsWith(golden("operations") + "#/components/schemas/Item: "
            + "the generated com/example/golden/model/Item.java:"))
        .anyMatch(line -> line.startsWith(golden("operations") + "#/paths/~1items~1/post: "))
        .last()
        .asString()
        .endsWith("files generated from " + golden("operations") + " into " + temp.resolve("out"))
        .containsPattern("^\\d+ compile error\\(s\\) in the \\d+ files");
  }

  @Test
  void checkWithoutTheRuntimeOnTheClassPathSaysWhatToPass() {
    Result result = run(
        "generate",
        "--spec",
        golden("operations"),
        "--out",
        temp.resolve("out").toString(),
        "--check",
        "--classpath",
        temp.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.err).contains("cannot check the output").contains("--classpath");
  }

  private static String golden(String name) {
    return Path.of("src", "test", "resources", "golden", name + ".yaml").toString();
  }

  private static String spec(String name) {
    return Path.of("src", "test", "resources", "specs", name).toString();
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine command = new CommandLine(new GeneratorCli());
    command.setOut(
        new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
    command.setErr(
        new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
    int code = command.execute(args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Map<Path, byte[]> contents(Path root) throws Exception {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path), Files.readAllBytes(path));
      }
    }
    return files;
  }
}
