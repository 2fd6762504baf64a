package ai.cartesia.core.errors;

/**
 * A consumer read a stream more slowly than the server wrote it, and the stream's bounded buffer
 * filled up (under {@link ai.cartesia.core.ws.OverflowPolicy#FAIL}, the default). The stream ends
 * with this exception after the messages it did buffer; later messages for it are discarded and
 * counted instead of growing memory without bound or stalling the connection that other streams
 * share. (Named so as not to shadow {@code java.nio.BufferOverflowException}.)
 */
public class StreamOverflowException extends SdkException {

  private final int capacity;

  public StreamOverflowException(String message, int capacity) {
    super(message);
    this.capacity = capacity;
  }

  /** How many messages the buffer held when it overflowed. */
  public int capacity() {
    return capacity;
  }
}
