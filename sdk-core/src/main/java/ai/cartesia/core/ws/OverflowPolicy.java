package ai.cartesia.core.ws;

/** What a stream does when its consumer has left {@link StreamSettings#bufferCapacity()} messages untaken. */
public enum OverflowPolicy {
  /**
   * The stream ends with a {@link ai.cartesia.core.errors.StreamOverflowException}, after the
   * messages it buffered; the connection's reader goes on, so other streams of the same socket
   * are not held up. The default.
   */
  FAIL,
  /**
   * The connection's reader waits until the consumer takes a message (back-pressure): nothing is
   * lost, but every stream of the same socket waits with it, and a consumer that stops reading
   * stalls the socket until it is closed or the server gives up.
   */
  WAIT
}
