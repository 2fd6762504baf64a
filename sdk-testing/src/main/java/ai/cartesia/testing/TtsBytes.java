package ai.cartesia.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import mockwebserver3.MockResponse;

/**
 * The fake {@code POST /tts/bytes}: the same audio a streamed generation of the transcript gives
 * ({@link FakeAudio#speech}), in the container asked for. {@code raw} is that audio as it is
 * ({@code application/octet-stream}); {@code wav} is it in a WAV file of the requested encoding
 * and sample rate, mono ({@link FakeAudio#wav}, {@code audio/wav}); {@code mp3} is that audio
 * as it is too, under {@code audio/mpeg}: the fake has no MP3 encoder, so the bytes are not a
 * playable MP3, but a test can still compare them. A transcript containing {@link
 * FakeCartesiaServer#FAILING_TRANSCRIPT} is answered with 500.
 */
final class TtsBytes {

  private static final Set<String> RAW_ENCODINGS =
      Set.of("pcm_s16le", "pcm_f32le", "pcm_mulaw", "pcm_alaw");

  private TtsBytes() {}

  static MockResponse respond(ObjectNode request, int chunks, int chunkBytes) {
    if (request == null) return HttpAnswers.error(400, "the body must be a JSON object");
    String problem = Generation.commonProblem(request);
    if (problem == null) problem = formatProblem(request.path("output_format"));
    if (problem != null) return HttpAnswers.error(400, problem);
    String failure = Generation.failure(request);
    if (failure != null) return HttpAnswers.error(500, failure);
    String transcript = request.path("transcript").asText("");
    JsonNode format = request.path("output_format");
    byte[] speech = FakeAudio.speech(transcript, chunks, chunkBytes);
    return switch (format.path("container").asText()) {
      case "wav" ->
        HttpAnswers.bytes(
            "audio/wav",
            FakeAudio.wav(
                transcript,
                chunks,
                chunkBytes,
                format.path("encoding").asText(),
                format.path("sample_rate").asInt()));
      case "mp3" -> HttpAnswers.bytes("audio/mpeg", speech);
      default -> HttpAnswers.bytes("application/octet-stream", speech);
    };
  }

  private static String formatProblem(JsonNode format) {
    String container = format.path("container").asText("");
    if (!format.path("sample_rate").canConvertToInt()
        || format.path("sample_rate").asInt() <= 0) {
      return "output_format.sample_rate is required";
    }
    switch (container) {
      case "raw":
      case "wav":
        String encoding = format.path("encoding").asText("");
        return RAW_ENCODINGS.contains(encoding)
            ? null
            : "output_format.encoding must be one of " + RAW_ENCODINGS + " for " + container
                + ", not " + encoding;
      case "mp3":
        return format.path("bit_rate").canConvertToInt()
            ? null
            : "output_format.bit_rate is required for mp3";
      default:
        return "output_format.container must be raw, wav or mp3, not " + container;
    }
  }
}
