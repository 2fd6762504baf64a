package ai.cartesia.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.generator.Fixtures;
import ai.cartesia.generator.Generator;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * japicmp, run on the SDK generated from 2.0.4 and from 2.0.6, and the change report agree on
 * what breaks binary compatibility: a standard tool checks the report's classification, and the
 * report explains in API terms what japicmp finds in class files. {@link ReportNames} maps one to
 * the other. Both directions are compared: going back from 2.0.6 to 2.0.4 removes whole types,
 * a resource and a channel.
 */
class JapicmpAgreesWithReportTest {

  private static final String FORWARD = "2.0.4 -> 2.0.6";
  private static final String BACKWARD = "2.0.6 -> 2.0.4";

  @TempDir
  static Path work;

  private static final Map<String, Path> jars = new ConcurrentHashMap<>();

  /** japicmp's findings and the report, for one direction. */
  private record Comparison(JapicmpBreaks.Result japicmp, ChangeReport report) {

    Set<String> binaryBreakingInReport() {
      return report.changes().stream()
          .filter(Change::breaksBinary)
          .map(Comparison::reportName)
          .collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> binaryBreakingForJapicmp() {
      return japicmp.breaks().stream()
          .map(japicmp::reportNames)
          .flatMap(Collection::stream)
          .collect(Collectors.toCollection(TreeSet::new));
    }

    /** How the report names what a change is about; a parameter's change is about its operation. */
    static String reportName(Change change) {
      return change.owner().contains("().") ? change.owner() + "(...)" : change.java();
    }
  }

  private static final Map<String, Comparison> comparisons = new ConcurrentHashMap<>();

  @BeforeAll
  static void compare() throws Exception {
    for (String version : List.of("2.0.4", "2.0.6")) {
      Path spec = spec(version);
      jars.put(version, GeneratedSdkJar.build(spec, work, "cartesia-" + version));
    }
    comparisons.put(FORWARD, comparison("2.0.4", "2.0.6"));
    comparisons.put(BACKWARD, comparison("2.0.6", "2.0.4"));
  }

  private static Path spec(String version) {
    return Fixtures.CARTESIA_SPEC.resolveSibling("cartesia-" + version + ".yaml");
  }

  private static Comparison comparison(String older, String newer) throws Exception {
    return new Comparison(
        JapicmpBreaks.between(jars.get(older), jars.get(newer)),
        Generator.diff(spec(older), spec(newer)));
  }

  @Test
  void japicmpComparedTheWholeGeneratedApi() {
    assertThat(comparisons.get(FORWARD).japicmp().comparedClasses())
        .contains(
            "ai.cartesia.Cartesia",
            "ai.cartesia.model.TokenGrant",
            "ai.cartesia.model.TokenGrant$Builder",
            "ai.cartesia.TtsClient",
            "ai.cartesia.model.TtsSseRequest")
        .noneMatch(name -> name.contains(".internal"));
  }

  @Test
  void theReportsBinaryBreaksGoingForward() {
    assertThat(comparisons.get(FORWARD).binaryBreakingInReport())
        .containsExactly(
            "GenerationRequest.useOriginalTimestamps()",
            "TokenGrant.tts()",
            "TokenRequest.grants()",
            "WebSocketChunkResponse.flushId()",
            "WebSocketTtsRequest.useOriginalTimestamps()",
            "tts().sse(...)");
  }

  @ParameterizedTest
  @ValueSource(strings = {FORWARD, BACKWARD})
  void everyBinaryBreakOfTheReportIsFoundByJapicmp(String direction) {
    Comparison comparison = comparisons.get(direction);
    assertThat(comparison.binaryBreakingInReport()).isNotEmpty();
    assertThat(comparison.binaryBreakingForJapicmp())
        .containsAll(comparison.binaryBreakingInReport());
  }

  @ParameterizedTest
  @ValueSource(strings = {FORWARD, BACKWARD})
  void japicmpFindsNoBinaryBreakTheReportDoesNotCallBinaryBreaking(String direction) {
    Comparison comparison = comparisons.get(direction);
    Set<String> explained = comparison.binaryBreakingInReport();
    List<String> unexplained = comparison.japicmp().breaks().stream()
        .filter(b -> comparison.japicmp().reportNames(b).stream().noneMatch(explained::contains))
        .map(b -> b + " -> " + comparison.japicmp().reportNames(b))
        .toList();
    assertThat(comparison.japicmp().breaks()).isNotEmpty();
    assertThat(unexplained).isEmpty();
  }

  /** The report's compatible changes (additions) are compatible for japicmp too. */
  @ParameterizedTest
  @ValueSource(strings = {FORWARD, BACKWARD})
  void whatTheReportCallsCompatibleJapicmpDoesToo(String direction) {
    Comparison comparison = comparisons.get(direction);
    Set<String> compatible = comparison.report().compatible().stream()
        .map(Comparison::reportName)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(compatible).isNotEmpty();
    assertThat(comparison.binaryBreakingForJapicmp()).doesNotContainAnyElementsOf(compatible);
  }

  /**
   * One operation change is several method changes for japicmp: the client's blocking and async
   * methods, and the raw-response view's (the Retrofit interface is internal).
   */
  @Test
  void anOperationIsTheMethodsOfItsClientAndService() {
    assertThat(typesAndMembersNamed(FORWARD, "tts().sse(...)"))
        .containsExactlyInAnyOrder(
            "TtsClient.sse", "TtsClient.sseAsync", "TtsClient.WithRawResponse.sse");
  }

  /** A field's accessor and its builder's setter are one field for the report. */
  @Test
  void aFieldIsItsAccessorAndItsBuilderMethods() {
    assertThat(typesAndMembersNamed(FORWARD, "WebSocketChunkResponse.flushId()"))
        .containsExactlyInAnyOrder(
            "WebSocketChunkResponse.flushId", "WebSocketChunkResponse.Builder.flushId");
    assertThat(comparisons.get(FORWARD).japicmp().breaks().stream()
            .filter(b -> ReportNames.of(b).equals("TokenGrant.tts()"))
            .map(b -> b.type() + "." + b.member() + " " + b.changes()))
        .containsExactlyInAnyOrder(
            "TokenGrant.tts METHOD_RETURN_TYPE_CHANGED", "TokenGrant.Builder.tts METHOD_REMOVED");
  }

  /**
   * A removed resource is, for japicmp, its accessor on the root client, its classes and all
   * their members; a removed channel is its session class.
   */
  @Test
  void aRemovedResourceIsEverythingInItsClasses() {
    assertThat(typesAndMembersNamed(BACKWARD, "client.stt()"))
        .contains(
            "Cartesia.stt",
            "SttClient.",
            "SttClient.transcribe",
            "SttClient.WithRawResponse.transcribe");
    assertThat(typesAndMembersNamed(BACKWARD, "stt().transcribe(...)"))
        .containsExactlyInAnyOrder(
            "SttClient.transcribe",
            "SttClient.transcribeAsync",
            "SttClient.WithRawResponse.transcribe");
    assertThat(typesAndMembersNamed(BACKWARD, "stt().websocket(...)"))
        .contains("SttWebSocket.", "SttClient.websocket");
    assertThat(typesAndMembersNamed(BACKWARD, "StreamingTranscriptionResponse"))
        .contains(
            "StreamingTranscriptionResponse.", "StreamingTranscriptionResponse.Visitor.visitDone");
  }

  private static List<String> typesAndMembersNamed(String direction, String reportName) {
    JapicmpBreaks.Result japicmp = comparisons.get(direction).japicmp();
    return japicmp.breaks().stream()
        .filter(b -> japicmp.reportNames(b).contains(reportName))
        .map(b -> b.type() + "." + b.member())
        .distinct()
        .toList();
  }
}
