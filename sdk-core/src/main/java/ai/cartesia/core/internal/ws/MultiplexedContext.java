package ai.cartesia.core.internal.ws;

import ai.cartesia.core.errors.ConnectionClosedException;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamCancelledException;
import ai.cartesia.core.errors.StreamDecodeException;
import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.internal.observe.ContextObservation;
import ai.cartesia.core.internal.stream.ServerError;
import ai.cartesia.core.observe.ContextEnded.Outcome;
import ai.cartesia.core.ws.MessageStream;
import ai.cartesia.core.ws.StreamSettings;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One context of a {@link MultiplexedSession}: a generation the client feeds with messages and
 * whose server messages arrive, in order, on {@link #messages()} (a blocking iterator, a {@link
 * java.util.concurrent.Flow.Publisher} or callbacks).
 *
 * <p>The messages end normally after the context's last message (for TTS, {@code done: true});
 * they end with a typed exception when the server reports an error for the context ({@link
 * StreamErrorException}), when its buffer overflows, when the caller cancels it ({@link
 * StreamCancelledException}), or when the connection ends first ({@link
 * ai.cartesia.core.errors.ConnectionClosedException}). A frame for it that cannot be decoded is
 * reported on {@link MessageStream#decodeErrors()} and the messages go on.
 *
 * <p>{@link #finished()} completes when the server has finished the context: normally on its
 * last message, exceptionally on its error or when the connection ends first.
 *
 * @param <S> the type of the client's messages
 * @param <R> the type of the server's messages
 */
public final class MultiplexedContext<S, R> implements AutoCloseable {

  private final String id;
  private final MultiplexedSession<S, R> session;
  private final BufferedMessageStream<R> messages;
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
  /** Sees every message routed here, on the reader thread, before it is buffered. */
  private volatile java.util.function.Consumer<? super R> observer = message -> {};
  /** Completes when the server is done with the context. */
  private final CompletableFuture<Void> finishedOnServer = new CompletableFuture<>();

  MultiplexedContext(
      String id,
      MultiplexedSession<S, R> session,
      StreamSettings settings,
      DeliveryExecutor delivery) {
    this.id = id;
    this.session = session;
    this.observation = session.observe(id);
    this.messages = new BufferedMessageStream<>(
        "context " + id + " on " + session.displayUrl(), settings, delivery, this::cancel);
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
      throw new IllegalArgumentException(
          "a message for context " + named.get() + " cannot be sent on context " + id);
    }
    if (sessionEnd != null) {
      throw new ConnectionClosedException(
          "cannot send on context " + id + ": its session " + session.displayUrl() + " has ended",
          sessionEnd);
    }
    S addressed = named.isPresent() ? message : protocol.withContext(message, id);
    synchronized (sending) {
      if (finished || cancelled) {
        throw new IllegalStateException(
            "context " + id + " has " + (cancelled ? "been cancelled" : "finished")
                + "; the server does not reuse contexts, so open a new one");
      }
      sent = true;
      observation.sent();
      session.send(addressed);
    }
  }

  /**
   * Asks the server to cancel this context. The local messages end at once with a {@link
   * StreamCancelledException}, after those already received (which can still be taken); later
   * ones are discarded and counted. Cartesia cancels only the input not yet being generated, so a
   * generation in progress runs to its end: the returned future (the same as {@link #finished()})
   * completes when the server has finished the context, at once if the server never heard of it.
   * Does nothing but return that future once the context has finished.
   */
  public CompletableFuture<Void> cancel() {
    synchronized (sending) {
      if (finished || cancelled || sessionEnd != null) return finishedOnServer;
      cancelled = true;
      if (sent) {
        session.sendQuietly(session.protocol().cancelRequest(id));
      } else {
        // The server never heard of this context and will send nothing for it: free its id now.
        session.forget(this);
        finishedOnServer.complete(null);
      }
    }
    observation.ended(Outcome.CANCELLED, null);
    messages.fail(new StreamCancelledException("context " + id + " on " + session.displayUrl()
        + " was cancelled by the caller before its last message"));
    return finishedOnServer;
  }

  /**
   * Completes when the server has finished this context: normally after its last message ({@code
   * done}), exceptionally with the {@link StreamErrorException} of its error, or with the {@link
   * ai.cartesia.core.errors.ConnectionClosedException} of a connection that ended first. Unlike
   * the messages, it is not ended by a cancel, an overflow or the consumer closing the stream.
   */
  public CompletableFuture<Void> finished() {
    return finishedOnServer;
  }

  /** The server's messages for this context, in order; read them once, in one style. */
  public BufferedMessageStream<R> messages() {
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

  /** Cancels the context if it is still open, without waiting for the server. */
  @Override
  public void close() {
    cancel();
  }

  @Override
  public String toString() {
    return "MultiplexedContext{" + id + " on " + session.displayUrl() + "}";
  }

  /**
   * Lets {@code observer} see each message routed to this context, on the reader thread and
   * before the consumer does; it must be quick and must not throw. For what the SDK itself
   * tracks, such as flush acknowledgements.
   */
  public void observe(java.util.function.Consumer<? super R> observer) {
    this.observer = java.util.Objects.requireNonNull(observer, "observer");
  }

  /** Takes a message routed here; called on the reader thread. */
  void accept(R message, boolean last, Optional<ServerError> error) {
    if (last) finished = true;
    if (observation.awaitsAudio() && session.protocol().hasAudio(message)) observation.audio();
    observer.accept(message);
    if (error.isPresent()) {
      // An error ends the context whether or not it says done; a later done is discarded.
      StreamErrorException failure = new StreamErrorException(
          session.redact("context " + id + " on " + session.displayUrl() + " failed: "
              + error.get().message()),
          id,
          error.get().statusOrNull(),
          message);
      observation.ended(Outcome.FAILED, failure);
      messages.fail(failure);
      finishedOnServer.completeExceptionally(failure);
    } else {
      // Not taken while the stream is open: its buffer overflowed, which ends the context.
      if (!messages.offer(message) && !cancelled) observation.ended(Outcome.FAILED, null);
      if (last) {
        observation.ended(Outcome.FINISHED, null);
        messages.complete();
        finishedOnServer.complete(null);
      }
    }
  }

  /** Records a frame for this context that could not be decoded; the context goes on. */
  void reportDecodeError(StreamDecodeException error) {
    messages.reportDecodeError(error);
  }

  /** The session ended before this context did. */
  void end(SdkException failure) {
    sessionEnd = failure;
    observation.ended(Outcome.FAILED, failure);
    messages.fail(failure);
    finishedOnServer.completeExceptionally(failure);
  }
}
