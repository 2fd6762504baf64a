package ai.cartesia.core.errors;

import java.util.OptionalInt;

/**
 * A streaming connection ended while a receiver still expected messages: the server closed the
 * WebSocket (even normally) before a context or stream had its last message, or the connection
 * dropped. Every message received before the end has been delivered before this exception.
 */
public class ConnectionClosedException extends TransportException {

  private final Integer closeCode;

  /** The server closed the connection with a close frame of {@code closeCode}. */
  public ConnectionClosedException(String message, int closeCode) {
    super(message, null);
    this.closeCode = closeCode;
  }

  /** The connection failed or dropped without a close frame. */
  public ConnectionClosedException(String message, Throwable cause) {
    super(message, cause);
    this.closeCode = null;
  }

  /** The WebSocket close code the server sent, if it sent a close frame. */
  public OptionalInt closeCode() {
    return closeCode == null ? OptionalInt.empty() : OptionalInt.of(closeCode);
  }
}
