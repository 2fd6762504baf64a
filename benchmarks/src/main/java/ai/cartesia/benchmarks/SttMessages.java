package ai.cartesia.benchmarks;

import java.util.List;
import java.util.Locale;

/** STT WebSocket messages as the server sends them (fact sheet 11.5). */
final class SttMessages {

  /** The words of the final transcript: 20, as in a sentence of about six seconds. */
  static final List<String> WORDS = List.of(
      "Thanks",
      "for",
      "calling",
      "Cartesia",
      "support,",
      "my",
      "name",
      "is",
      "Sam",
      "and",
      "I",
      "will",
      "be",
      "helping",
      "you",
      "with",
      "your",
      "account",
      "setup",
      "today.");

  static final String REQUEST_ID = "58dfa4d4-91c5-410c-8529-6824c8f7aedc";

  private SttMessages() {}

  /** Where word {@code i} starts, in seconds: words of 0.25 s with 0.07 s between them. */
  static double start(int i) {
    return round(i * 0.32);
  }

  static double end(int i) {
    return round(i * 0.32 + 0.25);
  }

  /**
   * A final {@code transcript} message with its word timings, fields in the order of the docs'
   * example: {@code {"type":"transcript","request_id":..,"text":..,"is_final":true,"duration":..,
   * "language":"en","words":[{"word":..,"start":..,"end":..},..]}}.
   */
  static String transcript() {
    StringBuilder json = new StringBuilder(2048)
        .append("{\"type\":\"transcript\",\"request_id\":\"")
        .append(REQUEST_ID)
        .append("\",\"text\":\"")
        .append(String.join(" ", WORDS))
        .append("\",\"is_final\":true,\"duration\":")
        .append(number(end(WORDS.size() - 1) + 0.1))
        .append(",\"language\":\"en\",\"words\":[");
    for (int i = 0; i < WORDS.size(); i++) {
      if (i > 0) json.append(',');
      json.append("{\"word\":\"")
          .append(WORDS.get(i))
          .append("\",\"start\":")
          .append(number(start(i)))
          .append(",\"end\":")
          .append(number(end(i)))
          .append('}');
    }
    return json.append("]}").toString();
  }

  private static double round(double seconds) {
    return Math.round(seconds * 100) / 100.0;
  }

  private static String number(double seconds) {
    return String.format(Locale.ROOT, "%.2f", round(seconds));
  }
}
