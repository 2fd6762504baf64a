package ai.cartesia.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code generator diff}: both formats and every exit status. */
class DiffCommandTest {

  private static final String OLD = Path.of("..", "spec", "cartesia-2.0.4.yaml").toString();
  private static final String NEW = Path.of("..", "spec", "cartesia-2.0.6.yaml").toString();

  @TempDir
  Path temp;

  @Test
  void markdownReportOfTheCartesiaSpecsExitsThreeForBreakingChanges() {
    Result result = run("diff", "--old", OLD, "--new", NEW);
    assertThat(result.code).isEqualTo(DiffCommand.BREAKING).isEqualTo(3);
    assertThat(result.out)
        .startsWith("# API changes: 2.0.4 -> 2.0.6")
        .contains("Semantic version bump: **major**")
        .contains("| removed | field | `WebSocketChunkResponse.flushId()` |")
        .contains("| removed | field | `GenerationRequest.useOriginalTimestamps()` |")
        .contains("| added | field | `GenerationRequest.useNormalizedTimestamps()` |")
        .contains("| added | channel | `stt().websocket(...)` |")
        .contains(
            "- field `GenerationRequest.useOriginalTimestamps()` -> `GenerationRequest.useNormalizedTimestamps()`");
  }

  @Test
  void jsonReportCarriesTheBumpAndEachChangeWithItsClassification() throws Exception {
    Path report = temp.resolve("report.json");
    Result result =
        run("diff", "--old", OLD, "--new", NEW, "--format", "json", "--output", report.toString());
    assertThat(result.code).isEqualTo(3);
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    assertThat(json.get("bump").asText()).isEqualTo("major");
    assertThat(json.get("oldVersion").asText()).isEqualTo("2.0.4");
    JsonNode flushId = null;
    for (JsonNode change : json.get("changes")) {
      if (change.get("java").asText().equals("WebSocketChunkResponse.flushId()")) flushId = change;
    }
    assertThat(flushId).isNotNull();
    assertThat(flushId.get("action").asText()).isEqualTo("removed");
    assertThat(flushId.get("breaksSource").asBoolean()).isTrue();
    assertThat(flushId.get("breaksBinary").asBoolean()).isTrue();
  }

  @Test
  void theSameSpecOnBothSidesExitsZeroWithNoChanges() {
    Result result = run("diff", "--old", NEW, "--new", NEW);
    assertThat(result.code).isZero();
    assertThat(result.out).contains("Semantic version bump: **none** (0 breaking, 0 compatible)");
  }

  @Test
  void aVersionBumpSmallerThanTheChangesCallForExitsFour() {
    Result tooSmall = run(
        "diff",
        "--old",
        OLD,
        "--new",
        NEW,
        "--previous-version",
        "1.3.0",
        "--next-version",
        "1.4.0");
    assertThat(tooSmall.code).isEqualTo(DiffCommand.BUMP_TOO_SMALL).isEqualTo(4);
    assertThat(tooSmall.err)
        .contains("1.4.0 is a minor bump from 1.3.0, but the changes call for a major bump");

    assertThat(run(
                "diff",
                "--old",
                OLD,
                "--new",
                NEW,
                "--previous-version",
                "1.3.0",
                "--next-version",
                "2.0.0")
            .code)
        .isZero();
    // Before 1.0.0 a breaking change bumps the minor version.
    assertThat(run(
                "diff",
                "--old",
                OLD,
                "--new",
                NEW,
                "--previous-version",
                "0.1.0",
                "--next-version",
                "0.2.0")
            .code)
        .isZero();
    assertThat(run(
                "diff",
                "--old",
                OLD,
                "--new",
                NEW,
                "--previous-version",
                "0.1.0",
                "--next-version",
                "0.1.1")
            .code)
        .isEqualTo(4);
  }

  @Test
  void aBrokenSpecExitsOneNamingTheProblem() throws Exception {
    Path broken = temp.resolve("broken.yaml");
    Files.writeString(broken, "openapi: 3.0.3\ninfo: {title: x, version: '1'\npaths: {}\n");
    Result result = run("diff", "--old", broken.toString(), "--new", NEW);
    assertThat(result.code).isEqualTo(1);
    assertThat(result.err).contains("broken.yaml:");
  }

  @Test
  void wrongUsageExitsTwo() {
    assertThat(run("diff", "--old", OLD).code).isEqualTo(2);
    assertThat(run("diff", "--old", OLD, "--new", NEW, "--previous-version", "1.0.0").code)
        .isEqualTo(2);
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine command = new CommandLine(new GeneratorCli());
    command.setOut(new PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
    command.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
    int code = command.execute(args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
