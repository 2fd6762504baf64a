package ai.cartesia.benchmarks;

import java.util.Base64;
import java.util.Random;

/** TTS WebSocket chunk frames as the server sends them, with deterministic audio. */
final class ChunkFrames {

  /** pcm_f32le at 44.1 kHz for 100 ms: 4,410 samples of 4 bytes. */
  static final int LARGE_AUDIO_BYTES = 17_640;
  /** pcm_s16le at 16 kHz for 20 ms: 320 samples of 2 bytes. */
  static final int SMALL_AUDIO_BYTES = 640;

  /** The context of the frames that name none in particular. */
  static final String CONTEXT_ID = "happy-monkeys-fly";

  private ChunkFrames() {}

  static byte[] audio(int bytes) {
    byte[] audio = new byte[bytes];
    new Random(bytes).nextBytes(audio);
    return audio;
  }

  static int audioBytes(String size) {
    return switch (size) {
      case "large" -> LARGE_AUDIO_BYTES;
      case "small" -> SMALL_AUDIO_BYTES;
      default -> throw new IllegalArgumentException("size is large or small, not " + size);
    };
  }

  /** The JSON text of a chunk frame carrying the audio, fields in the order the API sends them. */
  static String frame(byte[] audio) {
    return frame(audio, CONTEXT_ID);
  }

  /** The same frame for the context {@code contextId}. */
  static String frame(byte[] audio, String contextId) {
    return "{\"type\":\"chunk\",\"data\":\"" + Base64.getEncoder().encodeToString(audio)
        + "\",\"done\":false,\"status_code\":206,\"step_time\":41.2,\"context_id\":\"" + contextId
        + "\"}";
  }

  /**
   * One Server-Sent Event of {@code POST /tts/sse} carrying the chunk frame, with its event name
   * (fact sheet 11.3), as the bytes of the response body.
   */
  static byte[] sseEvent(byte[] audio) {
    return ("event: chunk\ndata: " + frame(audio) + "\n\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
