package ai.cartesia.core.ws;

import ai.cartesia.core.internal.ws.ContextProtocol;
import ai.cartesia.core.internal.ws.DeliveryExecutor;

import ai.cartesia.core.errors.ConnectionClosedException;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.internal.observe.ContextObservation;
import ai.cartesia.core.observe.ContextEnded.Outcome;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

/**
 * One context of a {@link MultiplexedSession}: a generation the client feeds with messages and
 * whose server messages arrive, in order, on {@link #messages()} (a blocking iterator, a {@link
 * java.util.concurrent.Flow.Publisher} or callbacks).
 *
 * <p>The messages end normally after the context's last message (for TTS, {@code done: true}),
 * or after {@link #cancel()}; they end with a typed exception when the server reports an error
 * that ends the context ({@link StreamErrorException}), when a frame for it cannot be decoded,
 * when its buffer overflows, or when the connection ends first ({@link
 * ai.cartesia.core.errors.ConnectionClosedException}).
 *
 * @param <S> the type of the client's messages
 * @param <R> the type of the server's messages
 */
public final class MultiplexedContext<S, R> implements AutoCloseable {

  private final String id;
  private final MultiplexedSession<S, R> session;
  private final MessageStream<R> messages;
  /** The server sent the context's last message. */
  private volatile boolean finished;
  private volatile boolean cancelled;
  /** Whether a message went out (or is going out) on this context, so that the server knows it. */
  private boolean sent;
  /** The session ended before the context did. */
  private volatile SdkException sessionEnd;
  /** Orders sending against cancelling, so a cancel never misses a message going out. */
  private final Object sending = new Object();
  /** First send, first audio and end, for the client's listeners. */
  private final ContextObservation observation;

  MultiplexedContext(String id, MultiplexedSession<S, R> session, StreamSettings settings, DeliveryExecutor delivery) {
    this.id = id;
    this.session = session;
    this.observation = session.observe(id);
    this.messages = new MessageStream<>("context " + id + " on " + session.displayUrl(), settings, delivery, this::cancel);
  }

  public String id() {
    return id;
  }

  /**
   * Sends a message on this context. A message that names no context is given this one's id; one
   * that names another context is refused.
   *
   * @throws IllegalArgumentException if the message names another context
   * @throws IllegalStateException if the context has finished or was cancelled
   * @throws ConnectionClosedException if the session has ended
   */
  public void send(S message) {
    ContextProtocol<S, R> protocol = session.protocol();
    Optional<String> named = protocol.contextOfRequest(message);
    if (named.isPresent() && !named.get().equals(id)) {
      throw new IllegalArgumentException("a message for context " + named.get() + " cannot be sent on context " + id);
    }
    if (sessionEnd != null) {
      throw new ConnectionClosedException("cannot send on context " + id + ": its session "
          + session.displayUrl() + " has ended", sessionEnd);
    }
    S addressed = named.isPresent() ? message : protocol.withContext(message, id);
    synchronized (sending) {
      if (finished || cancelled) {
        throw new IllegalStateException("context " + id + " has " + (cancelled ? "been cancelled" : "finished")
            + "; the server does not reuse contexts, so open a new one");
      }
      sent = true;
      observation.sent();
      session.send(addressed);
    }
  }

  /**
   * Asks the server to cancel this context and ends its messages normally: those already received
   * can still be taken, later ones are discarded and counted. Does nothing once the context has
   * finished. (Cartesia cancels only the input not yet being generated.)
   */
  public void cancel() {
    synchronized (sending) {
      if (finished || cancelled || sessionEnd != null) return;
      cancelled = true;
      if (sent) {
        session.sendQuietly(session.protocol().cancelRequest(id));
      } else {
        // The server never heard of this context and will send nothing for it: free its id now.
        session.forget(this);
      }
    }
    observation.ended(Outcome.CANCELLED, null);
    messages.complete();
  }

  /** The server's messages for this context, in order; read them once, in one style. */
  public MessageStream<R> messages() {
    return messages;
  }

  /** The next message of this context; see {@link MessageStream#receive(Duration)}. */
  public Optional<R> receive(Duration timeout) {
    return messages.receive(timeout);
  }

  /** A blocking iterator over this context's messages; see {@link MessageStream#iterator()}. */
  public Iterator<R> iterator() {
    return messages.iterator();
  }

  /** Whether messages can still be sent: the context has not finished, been cancelled, or lost its session. */
  public boolean isOpen() {
    return !finished && !cancelled && sessionEnd == null;
  }

  /** Cancels the context if it is still open. */
  @Override
  public void close() {
    cancel();
  }

  @Override
  public String toString() {
    return "MultiplexedContext{" + id + " on " + session.displayUrl() + "}";
  }

  /** Takes a message routed here; called on the reader thread. */
  void accept(R message, boolean last, Optional<String> error) {
    if (last) finished = true;
    if (observation.awaitsAudio() && session.protocol().hasAudio(message)) observation.audio();
    if (last && error.isPresent()) {
      StreamErrorException failure = new StreamErrorException(
          session.redact("context " + id + " on " + session.displayUrl() + " failed: " + error.get()), id, message);
      observation.ended(Outcome.FAILED, failure);
      messages.fail(failure);
    } else {
      // Not taken while the stream is open: its buffer overflowed, which ends the context.
      if (!messages.offer(message) && !cancelled) observation.ended(Outcome.FAILED, null);
      if (last) {
        observation.ended(Outcome.FINISHED, null);
        messages.complete();
      }
    }
  }

  /** Ends the messages with {@code failure}, unless they have ended already. */
  void fail(SdkException failure) {
    observation.ended(Outcome.FAILED, failure);
    messages.fail(failure);
  }

  /** The session ended before this context did. */
  void end(SdkException failure) {
    sessionEnd = failure;
    observation.ended(Outcome.FAILED, failure);
    messages.fail(failure);
  }
}
