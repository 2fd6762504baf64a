package ai.cartesia.core.errors;

import java.util.Optional;

/**
 * The server reported, inside a stream, that a generation failed (an {@code error} message that
 * ends its context or stream). The decoded message is kept, so nothing it said is lost.
 */
public class StreamErrorException extends SdkException {

  private final String contextId;
  private final transient Object serverMessage;

  public StreamErrorException(String message, String contextId, Object serverMessage) {
    super(message);
    this.contextId = contextId;
    this.serverMessage = serverMessage;
  }

  /** The context the error ended, when the stream multiplexes contexts. */
  public Optional<String> contextId() {
    return Optional.ofNullable(contextId);
  }

  /** The decoded error message as the server sent it; cast it to the stream's message type. */
  public Object serverMessage() {
    return serverMessage;
  }

  /** The decoded error message, if it is a {@code type}: {@code serverMessage(WebSocketErrorResponse.class)}. */
  public <T> Optional<T> serverMessage(Class<T> type) {
    return type.isInstance(serverMessage) ? Optional.of(type.cast(serverMessage)) : Optional.empty();
  }
}
