package ai.cartesia.core.testing;

import java.util.Base64;
import java.util.Random;

/** Server frames of the TTS protocol, and deterministic audio to put in them. */
public final class Frames {

  private Frames() {}

  /** The {@code index}-th chunk of audio of a context: the same bytes every time. */
  public static byte[] audio(String contextId, int index) {
    byte[] bytes = new byte[32 + Math.floorMod(contextId.hashCode() + index, 64)];
    new Random(contextId.hashCode() * 31L + index).nextBytes(bytes);
    return bytes;
  }

  public static String chunk(String contextId, byte[] audio) {
    return "{\"type\":\"chunk\",\"data\":\"" + Base64.getEncoder().encodeToString(audio)
        + "\",\"done\":false,\"status_code\":206,\"step_time\":1.5,\"context_id\":\"" + contextId
        + "\"}";
  }

  public static String done(String contextId) {
    return "{\"type\":\"done\",\"done\":true,\"status_code\":206,\"context_id\":\"" + contextId
        + "\"}";
  }

  public static String error(String contextId, String error) {
    return "{\"type\":\"error\",\"done\":true,\"status_code\":400,\"error\":\"" + error
        + "\",\"context_id\":\"" + contextId + "\"}";
  }

  public static String timestamps(String contextId, String word, double start, double end) {
    return "{\"type\":\"timestamps\",\"done\":false,\"status_code\":206,\"context_id\":\""
        + contextId + "\",\"word_timestamps\":{\"words\":[\"" + word + "\"],\"start\":[" + start
        + "],\"end\":[" + end + "]}}";
  }
}
