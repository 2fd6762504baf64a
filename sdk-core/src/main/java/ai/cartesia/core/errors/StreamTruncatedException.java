package ai.cartesia.core.errors;

/**
 * A stream ended before its terminal message: a Server-Sent Events body that ended cleanly
 * without its {@code done} event. The messages that arrived before the end were delivered; what
 * they add up to is incomplete, so the stream does not end as a success. (A WebSocket closed or
 * dropped before its terminal message ends with the {@link ConnectionClosedException} subtype.)
 */
public class StreamTruncatedException extends TransportException {

  public StreamTruncatedException(String message, Throwable cause) {
    super(message, cause);
  }
}
