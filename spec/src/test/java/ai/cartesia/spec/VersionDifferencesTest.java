package ai.cartesia.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The two documents differ exactly as the seed diff says, and in nothing else. Prose (the
 * {@code description}, {@code summary} and {@code example} keys) is left out of the comparison;
 * the changed descriptions are checked in {@link FactSheetChecklistTest}. A difference is reported
 * at the deepest place where the two trees part: a key present on one side only, a changed
 * value, or an array whose length changed.
 */
@PinnedFacts(
    update =
        "spec/src/test/java/ai/cartesia/spec/VersionDifferencesTest.java (EXPECTED, the differences between the two versions)")
class VersionDifferencesTest {

  private static final Set<String> PROSE = Set.of("description", "summary", "example", "examples");

  /** Each line: where, and what 2.0.4 -> 2.0.6 did there. */
  static final Set<String> EXPECTED = Set.of(
      "/info/version changed",
      // the STT resource: tag, batch transcription, WebSocket, types
      "/tags changed",
      "/paths/~1stt added",
      "/paths/~1stt~1websocket added",
      "/components/schemas/STTEncoding added",
      "/components/schemas/TimestampGranularity added",
      "/components/schemas/TranscriptionWord added",
      "/components/schemas/TranscriptionResponse added",
      "/components/schemas/StreamingTranscriptionResponse added",
      "/components/schemas/TranscriptMessage added",
      "/components/schemas/FlushDoneMessage added",
      "/components/schemas/DoneMessage added",
      "/components/schemas/ErrorMessage added",
      // /tts/sse takes its own request type, whose output is raw only
      "/paths/~1tts~1sse/post/requestBody/content/application~1json/schema/$ref changed",
      "/components/schemas/TTSSSERequest added",
      "/components/schemas/SSEOutputFormat added",
      // access tokens: grants and the tts grant become optional, stt grant is new
      "/components/schemas/TokenRequest/required removed",
      "/components/schemas/TokenGrant/required removed",
      "/components/schemas/TokenGrant/properties/stt added",
      // the timestamp flag is renamed, with the opposite meaning
      "/components/schemas/GenerationRequest/properties/use_original_timestamps removed",
      "/components/schemas/GenerationRequest/properties/use_normalized_timestamps added",
      "/components/schemas/WebSocketTTSRequest/properties/use_original_timestamps removed",
      "/components/schemas/WebSocketTTSRequest/properties/use_normalized_timestamps added",
      // chunks (TTS and, through reuse, the voice changer) lose flush_id
      "/components/schemas/WebSocketChunkResponse/allOf/1/properties/flush_id removed");

  @Test
  void documentsDifferExactlyAsTheSeedSays() {
    Set<String> actual = new TreeSet<>();
    diff(
        SpecDocuments.tree(SpecDocuments.PREVIOUS),
        SpecDocuments.tree(SpecDocuments.CURRENT),
        "",
        actual);
    assertThat(actual).isEqualTo(new TreeSet<>(EXPECTED));
  }

  @Test
  void propertyOrderChangeOfWebSocketTTSRequestIsKept() {
    // Cosmetic, but it is in the seed: 2.0.6 lists add_phoneme_timestamps before the renamed flag.
    assertThat(order(SpecDocuments.PREVIOUS))
        .containsSubsequence("add_timestamps", "use_original_timestamps", "add_phoneme_timestamps");
    assertThat(order(SpecDocuments.CURRENT))
        .containsSubsequence(
            "add_timestamps", "add_phoneme_timestamps", "use_normalized_timestamps");
  }

  private static java.util.List<String> order(String file) {
    java.util.List<String> names = new java.util.ArrayList<>();
    SpecDocuments.tree(file)
        .path("components")
        .path("schemas")
        .path("WebSocketTTSRequest")
        .path("properties")
        .fieldNames()
        .forEachRemaining(names::add);
    return names;
  }

  static void diff(JsonNode before, JsonNode after, String pointer, Set<String> out) {
    if (before.isObject() && after.isObject()) {
      Set<String> keys = new TreeSet<>();
      before.fieldNames().forEachRemaining(keys::add);
      after.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        if (PROSE.contains(key)) continue;
        String child = pointer + "/" + SpecDocuments.escape(key);
        if (!before.has(key)) out.add(child + " added");
        else if (!after.has(key)) out.add(child + " removed");
        else diff(before.get(key), after.get(key), child, out);
      }
    } else if (before.isArray() && after.isArray()) {
      if (before.size() != after.size()) {
        out.add(pointer + " changed");
        return;
      }
      Iterator<JsonNode> a = before.elements();
      Iterator<JsonNode> b = after.elements();
      for (int i = 0; a.hasNext(); i++) diff(a.next(), b.next(), pointer + "/" + i, out);
    } else if (!before.equals(after)) {
      out.add(pointer + " changed");
    }
  }
}
