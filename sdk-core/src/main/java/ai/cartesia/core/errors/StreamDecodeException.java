package ai.cartesia.core.errors;

import ai.cartesia.core.internal.errors.Causes;
import java.util.function.UnaryOperator;

/**
 * A streamed message (a WebSocket frame, a Server-Sent Event, a JSON line) could not be decoded
 * into its type. The message says which one, with a shortened excerpt of its text; such a message
 * is never skipped silently.
 */
public class StreamDecodeException extends SdkException {

  /** Excerpts longer than this keep their start and end and say how much was left out. */
  private static final int EXCERPT_LIMIT = 200;

  private final String excerpt;

  /**
   * @param what which message failed, such as {@code "event 3 (chunk) of POST /tts/sse"}
   * @param text the text that failed to decode
   * @param cause the decoder's failure
   * @param redact removes credentials from every text this exception shows
   */
  public StreamDecodeException(
      String what, String text, Throwable cause, UnaryOperator<String> redact) {
    super(
        redact.apply("cannot decode " + what + ": " + reason(cause) + "; text: " + excerpt(text)),
        Causes.redacted(cause, redact));
    this.excerpt = redact.apply(excerpt(text));
  }

  /** The start and end of the text that failed, at most a few hundred characters. */
  public String excerpt() {
    return excerpt;
  }

  /** The first and last hundred characters of {@code text}, with how much was left out between. */
  public static String excerpt(String text) {
    if (text == null) return "(none)";
    if (text.length() <= EXCERPT_LIMIT) return text;
    int half = EXCERPT_LIMIT / 2;
    return text.substring(0, half) + "...(" + (text.length() - EXCERPT_LIMIT)
        + " more characters)..." + text.substring(text.length() - half);
  }

  private static String reason(Throwable cause) {
    if (cause == null) return "no reason given";
    String message = cause.getMessage();
    if (message == null) return cause.getClass().getSimpleName();
    // Jackson adds the location on further lines; the first line says what was wrong.
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
