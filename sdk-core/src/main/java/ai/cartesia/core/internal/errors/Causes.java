package ai.cartesia.core.internal.errors;

import ai.cartesia.core.errors.SdkException;
import java.util.function.UnaryOperator;

/**
 * Keeps credentials out of exception chains. A library's exception may quote what it read (a
 * URL, a token of a frame); when that text holds a secret, the cause is replaced by a stand-in
 * with the redacted text and the original stack trace.
 */
public final class Causes {

  private Causes() {}

  /** {@code cause} itself if it shows no secret, otherwise a redacted stand-in; null stays null. */
  public static Throwable redacted(Throwable cause, UnaryOperator<String> redact) {
    if (cause == null) return null;
    String shown = cause.toString();
    Throwable inner = redacted(cause.getCause(), redact);
    if (redact.apply(shown).equals(shown) && inner == cause.getCause()) return cause;
    SdkException standIn = new SdkException(redact.apply(shown), inner);
    standIn.setStackTrace(cause.getStackTrace());
    return standIn;
  }
}
