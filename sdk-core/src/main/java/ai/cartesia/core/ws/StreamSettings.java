package ai.cartesia.core.ws;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How a WebSocket session buffers, waits and delivers. One value for the whole session; the
 * defaults suit a TTS or STT session in a server application.
 *
 * @param bufferCapacity how many received messages each receiver (a context, the session-level
 *     channel, a plain session) may hold before its consumer takes them. When a receiver is full
 *     it ends with a {@link ai.cartesia.core.errors.BufferOverflowException}; its later messages
 *     are discarded and counted, and every other receiver goes on. Default 4096 messages (minutes
 *     of audio at common chunk sizes).
 * @param receiveTimeout how long the blocking iterators wait for the next message before they
 *     throw {@link ai.cartesia.core.errors.ReceiveTimeoutException}. Default 60 seconds.
 * @param handshakeTimeout how long connecting waits for the WebSocket handshake. Default 30 s.
 * @param closeTimeout how long {@code close()} waits for the server to answer the close frame
 *     before it cancels the socket. Default 2 seconds.
 * @param deliveryExecutor where publishers and callbacks run; {@code null} (the default) gives
 *     each session its own pool of daemon threads, shut down when the session closes. Never the
 *     connection's reader thread, so a slow callback cannot stall other contexts.
 */
public record StreamSettings(
    int bufferCapacity,
    Duration receiveTimeout,
    Duration handshakeTimeout,
    Duration closeTimeout,
    Executor deliveryExecutor) {

  public StreamSettings {
    if (bufferCapacity < 1) throw new IllegalArgumentException("bufferCapacity must be at least 1");
    requirePositive(receiveTimeout, "receiveTimeout");
    requirePositive(handshakeTimeout, "handshakeTimeout");
    requirePositive(closeTimeout, "closeTimeout");
  }

  public static StreamSettings defaults() {
    return new StreamSettings(4096, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(2), null);
  }

  public StreamSettings withBufferCapacity(int capacity) {
    return new StreamSettings(capacity, receiveTimeout, handshakeTimeout, closeTimeout, deliveryExecutor);
  }

  public StreamSettings withReceiveTimeout(Duration timeout) {
    return new StreamSettings(bufferCapacity, timeout, handshakeTimeout, closeTimeout, deliveryExecutor);
  }

  public StreamSettings withHandshakeTimeout(Duration timeout) {
    return new StreamSettings(bufferCapacity, receiveTimeout, timeout, closeTimeout, deliveryExecutor);
  }

  public StreamSettings withCloseTimeout(Duration timeout) {
    return new StreamSettings(bufferCapacity, receiveTimeout, handshakeTimeout, timeout, deliveryExecutor);
  }

  public StreamSettings withDeliveryExecutor(Executor executor) {
    return new StreamSettings(bufferCapacity, receiveTimeout, handshakeTimeout, closeTimeout, executor);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException(name + " must be positive");
  }
}
