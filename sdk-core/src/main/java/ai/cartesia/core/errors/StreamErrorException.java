package ai.cartesia.core.errors;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server reported, inside a stream, that a generation or a session failed: an {@code error}
 * message on a TTS context, on an STT session, or as an event of a Server-Sent Events stream. The
 * stream ends with this exception, after the messages that arrived before the error. The decoded
 * message is kept, so nothing it said is lost.
 */
public class StreamErrorException extends SdkException {

  private final String contextId;
  private final Integer statusCode;
  private final transient Object serverMessage;

  /**
   * @param message what failed, with the server's text (its {@code error}, or {@code message} /
   *     {@code title} in newer API versions)
   * @param contextId the context the error ended, or null when the stream has no contexts
   * @param statusCode the message's {@code status_code}, or null when it has none
   * @param serverMessage the decoded error message
   */
  public StreamErrorException(
      String message, String contextId, Integer statusCode, Object serverMessage) {
    super(message);
    this.contextId = contextId;
    this.statusCode = statusCode;
    this.serverMessage = serverMessage;
  }

  /** The context the error ended, when the stream multiplexes contexts (the TTS WebSocket). */
  public Optional<String> contextId() {
    return Optional.ofNullable(contextId);
  }

  /** The HTTP-like status the server gave the error ({@code status_code}), when it gave one. */
  public OptionalInt statusCode() {
    return statusCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
  }

  /** The decoded error message as the server sent it; cast it to the stream's message type. */
  public Object serverMessage() {
    return serverMessage;
  }

  /** The decoded error message, if it is a {@code type}: {@code serverMessage(WebSocketErrorResponse.class)}. */
  public <T> Optional<T> serverMessage(Class<T> type) {
    return type.isInstance(serverMessage)
        ? Optional.of(type.cast(serverMessage))
        : Optional.empty();
  }
}
