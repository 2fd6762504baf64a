package ai.cartesia.core.ws;

import ai.cartesia.core.errors.SdkException;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a multiplexed session received that belongs to no open context: a message without a
 * context id (such as a session-level error), or for a context that is not open here (finished,
 * or never opened), or a message the SDK failed to route. Such things go to the session-level
 * channel (the TTS session's {@code unrouted()}) instead of being dropped; frames that name no
 * context and cannot be decoded go to that channel's {@link MessageStream#decodeErrors()}.
 *
 * @param <R> the type of the server's messages
 */
public final class Unrouted<R> {

  private final R message;
  private final SdkException error;

  private Unrouted(R message, SdkException error) {
    this.message = message;
    this.error = error;
  }

  public static <R> Unrouted<R> of(R message) {
    return new Unrouted<>(Objects.requireNonNull(message, "message"), null);
  }

  public static <R> Unrouted<R> failed(SdkException error) {
    return new Unrouted<>(null, Objects.requireNonNull(error, "error"));
  }

  /** The decoded message, unless this is a failure. */
  public Optional<R> message() {
    return Optional.ofNullable(message);
  }

  /** Why a message could not be routed. */
  public Optional<SdkException> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    return message != null
        ? "Unrouted{" + message + "}"
        : "Unrouted{error=" + error.getMessage() + "}";
  }
}
