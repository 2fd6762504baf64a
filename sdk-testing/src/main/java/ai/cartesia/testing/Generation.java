package ai.cartesia.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fake makes of one TTS generation request, on the WebSocket or over SSE: the checks
 * the API makes on its fields, and the messages it answers with.
 */
final class Generation {

  private Generation() {}

  /** What is wrong with a streamed generation request (raw output only), or null if nothing is. */
  static String problem(ObjectNode request) {
    String common = commonProblem(request);
    if (common != null) return common;
    JsonNode format = request.path("output_format");
    if (!format.path("container").asText("").equals("raw")
        || !format.path("encoding").isTextual()
        || !format.path("sample_rate").canConvertToInt()) {
      return "output_format must be {\"container\":\"raw\",\"encoding\":...,\"sample_rate\":...}";
    }
    return null;
  }

  /** What is wrong with the fields every TTS request has (model, transcript, voice), or null. */
  static String commonProblem(ObjectNode request) {
    if (!request.path("model_id").isTextual()) return "model_id is required";
    if (!request.has("transcript")) return "transcript is required";
    JsonNode voice = request.path("voice");
    String mode = voice.path("mode").asText("");
    if (!(mode.equals("id") && voice.path("id").isTextual())
        && !(mode.equals("embedding") && voice.path("embedding").isArray())) {
      return "voice must be {\"mode\":\"id\",\"id\":...} or {\"mode\":\"embedding\",\"embedding\":[...]}";
    }
    return null;
  }

  /** Why the generation fails ({@link FakeCartesiaServer#FAILING_TRANSCRIPT}), or null if it does not. */
  static String failure(ObjectNode request) {
    String marker = FakeCartesiaServer.FAILING_TRANSCRIPT;
    return request.path("transcript").asText("").contains(marker)
        ? "the fake fails transcripts containing " + marker
        : null;
  }

  /** The chunk and timestamp messages answering {@code request}, in order (no done, no flush_done). */
  static List<String> audioMessages(
      ObjectNode request, String contextId, int chunks, int chunkBytes) {
    String transcript = request.path("transcript").asText("");
    List<String> messages = new ArrayList<>();
    if (transcript.isEmpty()) return messages;
    for (int i = 0; i < chunks; i++) {
      messages.add(Messages.chunk(contextId, FakeAudio.chunk(transcript, i, chunkBytes), 10.0 + i));
    }
    List<String> words = FakeAudio.words(transcript);
    if (request.path("add_timestamps").asBoolean(false) && !words.isEmpty()) {
      messages.add(Messages.timestamps(contextId, words));
    }
    return messages;
  }
}
