package ai.cartesia.core.observe;

import java.time.Duration;
import java.util.Optional;

/**
 * The end of a context of a multiplexed WebSocket.
 *
 * @param contextId the context's id
 * @param url the URL of its WebSocket, with the API key redacted
 * @param outcome how it ended
 * @param sinceFirstSend from the context's first message to the server until its end; zero if
 *     nothing was sent on it
 * @param failure what ended it, for {@link Outcome#FAILED}; empty when the context's buffer
 *     overflowed (its reader gets the {@link ai.cartesia.core.errors.StreamOverflowException})
 */
public record ContextEnded(
    String contextId,
    String url,
    Outcome outcome,
    Duration sinceFirstSend,
    Optional<Throwable> failure) {

  /** How a context ended. */
  public enum Outcome {
    /** The server sent its last message. */
    FINISHED,
    /** The caller cancelled it. */
    CANCELLED,
    /** A server error, an undecodable frame, an overflow, or the end of its connection. */
    FAILED
  }
}
