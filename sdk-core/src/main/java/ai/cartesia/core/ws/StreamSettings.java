package ai.cartesia.core.ws;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How a WebSocket session buffers, waits and delivers. One value for the whole session; the
 * defaults suit a TTS or STT session in a server application. Immutable: each {@code with...}
 * gives a changed copy.
 *
 * <ul>
 *   <li>{@link #bufferCapacity()}: how many received messages each receiver (a context, the
 *       session-level channel, an STT session) may hold before its consumer takes them; default
 *       4096 messages (minutes of audio at common chunk sizes). What happens when it is full is
 *       the {@link #overflowPolicy()}.
 *   <li>{@link #overflowPolicy()}: {@link OverflowPolicy#FAIL} (default) ends the receiver that
 *       fell behind with a {@link ai.cartesia.core.errors.StreamOverflowException}, others go on;
 *       {@link OverflowPolicy#WAIT} holds the socket's reader until there is room.
 *   <li>{@link #receiveTimeout()}: how long the blocking iterators wait for the next message
 *       before they throw {@link ai.cartesia.core.errors.ReceiveTimeoutException}. Unless set, the
 *       client's timeout ({@code ClientOptions.timeout()}, 60 s by default).
 *   <li>{@link #handshakeTimeout()}: how long connecting waits for the handshake; default 30 s.
 *   <li>{@link #closeTimeout()}: how long {@code close()} waits for the server to answer the
 *       close frame before it cancels the socket; default 2 s.
 *   <li>{@link #deliveryExecutor()}: where publishers and callbacks run. Unless set, a pool shared
 *       by all sessions, bounded to a few threads per core whatever the number of sessions and
 *       contexts; never the socket's reader thread. A callback that blocks holds one of those
 *       threads, so give a session its own executor if its callbacks block.
 * </ul>
 */
public final class StreamSettings {

  private static final StreamSettings DEFAULTS = new StreamSettings(
      4096, OverflowPolicy.FAIL, null, Duration.ofSeconds(30), Duration.ofSeconds(2), null);

  private final int bufferCapacity;
  private final OverflowPolicy overflowPolicy;
  private final Duration receiveTimeout;
  private final Duration handshakeTimeout;
  private final Duration closeTimeout;
  private final Executor deliveryExecutor;

  private StreamSettings(
      int bufferCapacity,
      OverflowPolicy overflowPolicy,
      Duration receiveTimeout,
      Duration handshakeTimeout,
      Duration closeTimeout,
      Executor deliveryExecutor) {
    if (bufferCapacity < 1) throw new IllegalArgumentException("bufferCapacity must be at least 1");
    if (receiveTimeout != null) requirePositive(receiveTimeout, "receiveTimeout");
    requirePositive(handshakeTimeout, "handshakeTimeout");
    requirePositive(closeTimeout, "closeTimeout");
    this.bufferCapacity = bufferCapacity;
    this.overflowPolicy = Objects.requireNonNull(overflowPolicy, "overflowPolicy");
    this.receiveTimeout = receiveTimeout;
    this.handshakeTimeout = handshakeTimeout;
    this.closeTimeout = closeTimeout;
    this.deliveryExecutor = deliveryExecutor;
  }

  public static StreamSettings defaults() {
    return DEFAULTS;
  }

  public int bufferCapacity() {
    return bufferCapacity;
  }

  public OverflowPolicy overflowPolicy() {
    return overflowPolicy;
  }

  /** The receive timeout, if set; empty means the client's timeout. */
  public Optional<Duration> receiveTimeout() {
    return Optional.ofNullable(receiveTimeout);
  }

  public Duration handshakeTimeout() {
    return handshakeTimeout;
  }

  public Duration closeTimeout() {
    return closeTimeout;
  }

  /** The executor set for delivery, if any; empty means the shared bounded pool. */
  public Optional<Executor> deliveryExecutor() {
    return Optional.ofNullable(deliveryExecutor);
  }

  public StreamSettings withBufferCapacity(int capacity) {
    return new StreamSettings(
        capacity, overflowPolicy, receiveTimeout, handshakeTimeout, closeTimeout, deliveryExecutor);
  }

  public StreamSettings withOverflowPolicy(OverflowPolicy policy) {
    return new StreamSettings(
        bufferCapacity, policy, receiveTimeout, handshakeTimeout, closeTimeout, deliveryExecutor);
  }

  public StreamSettings withReceiveTimeout(Duration timeout) {
    return new StreamSettings(
        bufferCapacity,
        overflowPolicy,
        Objects.requireNonNull(timeout, "timeout"),
        handshakeTimeout,
        closeTimeout,
        deliveryExecutor);
  }

  /** The same settings with the receive timeout set to {@code fallback} if it was not set. */
  public StreamSettings withReceiveTimeoutDefault(Duration fallback) {
    return receiveTimeout != null ? this : withReceiveTimeout(fallback);
  }

  public StreamSettings withHandshakeTimeout(Duration timeout) {
    return new StreamSettings(
        bufferCapacity, overflowPolicy, receiveTimeout, timeout, closeTimeout, deliveryExecutor);
  }

  public StreamSettings withCloseTimeout(Duration timeout) {
    return new StreamSettings(
        bufferCapacity,
        overflowPolicy,
        receiveTimeout,
        handshakeTimeout,
        timeout,
        deliveryExecutor);
  }

  public StreamSettings withDeliveryExecutor(Executor executor) {
    return new StreamSettings(
        bufferCapacity,
        overflowPolicy,
        receiveTimeout,
        handshakeTimeout,
        closeTimeout,
        Objects.requireNonNull(executor, "executor"));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StreamSettings that
        && bufferCapacity == that.bufferCapacity
        && overflowPolicy == that.overflowPolicy
        && Objects.equals(receiveTimeout, that.receiveTimeout)
        && handshakeTimeout.equals(that.handshakeTimeout)
        && closeTimeout.equals(that.closeTimeout)
        && Objects.equals(deliveryExecutor, that.deliveryExecutor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        bufferCapacity,
        overflowPolicy,
        receiveTimeout,
        handshakeTimeout,
        closeTimeout,
        deliveryExecutor);
  }

  @Override
  public String toString() {
    return "StreamSettings{bufferCapacity=" + bufferCapacity + ", overflowPolicy=" + overflowPolicy
        + ", receiveTimeout=" + (receiveTimeout == null ? "the client's" : receiveTimeout)
        + ", handshakeTimeout=" + handshakeTimeout + ", closeTimeout=" + closeTimeout
        + ", deliveryExecutor=" + (deliveryExecutor == null ? "shared" : deliveryExecutor) + "}";
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero())
      throw new IllegalArgumentException(name + " must be positive");
  }
}
