package ai.cartesia.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;

/** The server messages of the fact sheet, as raw JSON text. */
final class Messages {

  private Messages() {}

  static String chunk(String contextId, byte[] audio, double stepTime) {
    ObjectNode message = base("chunk", contextId, false, 206);
    message.put("data", Base64.getEncoder().encodeToString(audio));
    message.put("step_time", stepTime);
    return Json.write(message);
  }

  static String timestamps(String contextId, List<String> words) {
    ObjectNode message = base("timestamps", contextId, false, 206);
    ObjectNode timestamps = message.putObject("word_timestamps");
    ArrayNode text = timestamps.putArray("words");
    ArrayNode start = timestamps.putArray("start");
    ArrayNode end = timestamps.putArray("end");
    for (int i = 0; i < words.size(); i++) {
      text.add(words.get(i));
      start.add(FakeAudio.start(i));
      end.add(FakeAudio.end(i));
    }
    return Json.write(message);
  }

  static String flushDone(String contextId, int flushId) {
    ObjectNode message = base("flush_done", contextId, false, 206);
    message.put("flush_done", true);
    message.put("flush_id", flushId);
    return Json.write(message);
  }

  static String done(String contextId, int status) {
    return Json.write(base("done", contextId, true, status));
  }

  static String error(String contextId, int status, String error) {
    ObjectNode message = base("error", contextId, true, status);
    message.put("error", error);
    return Json.write(message);
  }

  static String transcript(String requestId, List<String> words, int firstWord, boolean isFinal) {
    ObjectNode message = Json.object();
    message.put("type", "transcript");
    message.put("request_id", requestId);
    message.put("text", String.join(" ", words));
    message.put("is_final", isFinal);
    message.put("duration", (firstWord + words.size()) * FakeTranscript.SECONDS_PER_WORD);
    message.put("language", "en");
    addWords(message, words, firstWord);
    return Json.write(message);
  }

  /** The {@code words} of a transcript, the first of them word {@code firstWord} of the audio. */
  static void addWords(ObjectNode message, List<String> words, int firstWord) {
    ArrayNode timed = message.putArray("words");
    for (int i = 0; i < words.size(); i++) {
      timed
          .addObject()
          .put("word", words.get(i))
          .put("start", FakeTranscript.start(firstWord + i))
          .put("end", FakeTranscript.end(firstWord + i));
    }
  }

  static String sttEvent(String type, String requestId) {
    ObjectNode message = Json.object();
    message.put("type", type);
    message.put("request_id", requestId);
    return Json.write(message);
  }

  static String sttError(String requestId, String text) {
    ObjectNode message = Json.object();
    message.put("type", "error");
    message.put("request_id", requestId);
    message.put("message", text);
    return Json.write(message);
  }

  private static ObjectNode base(String type, String contextId, boolean done, int status) {
    ObjectNode message = Json.object();
    message.put("type", type);
    message.put("done", done);
    message.put("status_code", status);
    if (contextId != null) message.put("context_id", contextId);
    return message;
  }
}
