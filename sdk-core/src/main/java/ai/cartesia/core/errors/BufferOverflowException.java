package ai.cartesia.core.errors;

/**
 * A consumer read a stream more slowly than the server wrote it, and the stream's bounded buffer
 * filled up. The stream ends with this exception after the messages it did buffer; later messages
 * for it are discarded and counted instead of growing memory without bound or stalling the
 * connection that other streams share.
 */
public class BufferOverflowException extends SdkException {

  private final int capacity;

  public BufferOverflowException(String message, int capacity) {
    super(message);
    this.capacity = capacity;
  }

  /** How many messages the buffer held when it overflowed. */
  public int capacity() {
    return capacity;
  }
}
