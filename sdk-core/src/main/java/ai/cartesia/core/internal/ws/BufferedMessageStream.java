package ai.cartesia.core.internal.ws;

import ai.cartesia.core.errors.ReceiveTimeoutException;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamDecodeException;
import ai.cartesia.core.errors.StreamOverflowException;
import ai.cartesia.core.internal.stream.DecodeErrors;
import ai.cartesia.core.ws.MessageStream;
import ai.cartesia.core.ws.OverflowPolicy;
import ai.cartesia.core.ws.StreamSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@link MessageStream} of a WebSocket receiver (a TTS context, a session's unrouted
 * messages, an STT session), fed by the connection's reader thread. Not API: users see it as a
 * {@link MessageStream}.
 *
 * <p>A stream is read once, in one of three styles, whichever is used first: pull ({@link
 * #receive(Duration)}, {@link #iterator()}, {@link #stream()}), push ({@link #subscribe}, which
 * honours the subscriber's demand) or callbacks ({@link #listen}).
 *
 * <p><b>How a stream ends.</b> Normally after its terminal message (a TTS context's {@code done},
 * an STT session's {@code done}), or when its consumer closes it. Otherwise with one typed
 * exception, thrown by the pull methods and given to {@code onError}, after every message that
 * arrived before: {@link ai.cartesia.core.errors.StreamErrorException} when the server reports an
 * error, {@link ai.cartesia.core.errors.ConnectionClosedException} when the connection closes or
 * drops before the terminal message, {@link StreamOverflowException} when the consumer falls
 * behind (see below), {@link ai.cartesia.core.errors.StreamCancelledException} when the caller
 * cancelled the context.
 *
 * <p><b>Frames that cannot be decoded</b> do not end the stream: each becomes a {@link
 * StreamDecodeException} on {@link #decodeErrors()} (the one channel for them, on every transport)
 * and the stream goes on with the next frame.
 *
 * <p><b>Buffering policy.</b> The buffer holds at most {@link StreamSettings#bufferCapacity()}
 * messages not yet taken (pulled, or requested by a subscriber). Under {@link
 * OverflowPolicy#FAIL} (the default) the connection's reader thread never waits for a consumer: a
 * message that would exceed the bound ends this stream with a {@link StreamOverflowException},
 * after the messages already buffered; from then on the stream's messages are discarded and
 * counted in {@link #discarded()}, and other streams of the same connection are not affected.
 * Under {@link OverflowPolicy#WAIT} the reader waits for room instead (back-pressure on the whole
 * socket).
 *
 * <p>Pushed messages and callbacks run on the session's delivery executor (bounded and shared,
 * unless {@link StreamSettings#deliveryExecutor()} is set), one at a time and in order, never on
 * the reader thread. Closing the stream tells its producer that the consumer is
 * gone (a TTS context is cancelled, a plain session is closed).
 *
 * @param <R> the type of the messages
 */
public final class BufferedMessageStream<R> implements MessageStream<R> {

  private enum Mode {
    NONE,
    PULL,
    PUSH
  }

  /** The default wait of the iterators, when a stream is made without the client's timeout. */
  private static final Duration DEFAULT_RECEIVE_TIMEOUT = Duration.ofSeconds(60);
  /** How many messages one delivery task pushes before it gives its thread back to the pool. */
  private static final int DELIVERY_BATCH = 64;

  private final String name;
  private final int capacity;
  private final OverflowPolicy overflowPolicy;
  private final DecodeErrors decodeErrors = new DecodeErrors();
  private final Duration iteratorTimeout;
  private final Executor executor;
  private final Runnable onClose;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<R> buffer = new ArrayDeque<>();
  private Mode mode = Mode.NONE;
  /** No message will be added any more. */
  private boolean ended;
  /** Why the stream ended; null for a normal end. */
  private SdkException failure;
  /** The consumer closed the stream. */
  private boolean closed;

  private long discarded;

  private volatile Flow.Subscriber<? super R> subscriber;
  private long demand;
  private RuntimeException subscriberError;
  /** onComplete or onError was called, or the subscription was cancelled. */
  private boolean signalled;

  private final AtomicInteger drainRequests = new AtomicInteger();

  /**
   * @param name what the stream is, for messages, such as {@code context ctx-1 on wss://...};
   *     free of credentials
   * @param onClose run once when the consumer closes the stream or cancels its subscription
   */
  public BufferedMessageStream(
      String name, StreamSettings settings, Executor executor, Runnable onClose) {
    this.name = name;
    this.capacity = settings.bufferCapacity();
    this.overflowPolicy = settings.overflowPolicy();
    this.iteratorTimeout = settings.receiveTimeout().orElse(DEFAULT_RECEIVE_TIMEOUT);
    this.executor = executor;
    this.onClose = onClose;
  }

  // ---- producer side: called by the connection's reader thread ----

  /**
   * Adds a message; false if it was discarded because the stream has ended or just overflowed.
   * Under {@link OverflowPolicy#WAIT} it waits while the buffer is full.
   */
  public boolean offer(R message) {
    boolean added = false;
    lock.lock();
    try {
      if (overflowPolicy == OverflowPolicy.WAIT) awaitRoom();
      if (ended) {
        discarded++;
      } else if (buffer.size() >= capacity) {
        discarded++;
        ended = true;
        failure = new StreamOverflowException(
            name + " ended: its consumer left " + capacity
                + " messages untaken, the most this stream buffers;"
                + " later messages are discarded. Consume faster, raise StreamSettings.bufferCapacity, or choose"
                + " OverflowPolicy.WAIT",
            capacity);
        changed.signalAll();
      } else {
        buffer.add(message);
        added = true;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    drain();
    return added;
  }

  /** Waits, holding the reader, until the consumer takes a message or the stream ends. */
  private void awaitRoom() {
    try {
      while (buffer.size() >= capacity && !ended) changed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = true;
      failure = new SdkException(
          "interrupted while waiting for the consumer of " + name + " to take a message", e);
      changed.signalAll();
    }
  }

  /** Records a frame that could not be decoded; the stream goes on. */
  public void reportDecodeError(StreamDecodeException error) {
    decodeErrors.add(error);
  }

  /** Ends the stream normally, after the messages already buffered. */
  public void complete() {
    end(null);
  }

  /** Ends the stream with {@code error}, after the messages already buffered. */
  public void fail(SdkException error) {
    end(Objects.requireNonNull(error, "error"));
  }

  public boolean isEnded() {
    lock.lock();
    try {
      return ended;
    } finally {
      lock.unlock();
    }
  }

  private void end(SdkException error) {
    lock.lock();
    try {
      if (ended) return;
      ended = true;
      failure = error;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    drain();
  }

  // ---- pull ----

  /**
   * The next message, waiting at most {@code timeout}; empty once the stream ended normally (or
   * was closed) and every message before the end was taken.
   *
   * @throws SdkException the typed reason the stream ended, once every earlier message was taken
   * @throws ReceiveTimeoutException if nothing arrived in time; the stream stays open
   */
  public Optional<R> receive(Duration timeout) {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      claim(Mode.PULL);
      while (buffer.isEmpty() && !ended) {
        if (nanos <= 0)
          throw new ReceiveTimeoutException(
              "no message from " + name + " within " + timeout, timeout);
        nanos = changed.awaitNanos(nanos);
      }
      R next = buffer.poll();
      if (next != null) {
        changed.signalAll(); // a reader waiting for room (OverflowPolicy.WAIT)
        return Optional.of(next);
      }
      if (failure != null && !closed) throw failure;
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SdkException("interrupted while waiting for a message from " + name, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * A blocking iterator over the messages: {@code hasNext()} waits for the next message or the
   * end, at most {@link StreamSettings#receiveTimeout()} each time, and throws the stream's typed
   * failure at the end if it failed.
   */
  @Override
  public Iterator<R> iterator() {
    lock.lock();
    try {
      claim(Mode.PULL);
    } finally {
      lock.unlock();
    }
    return new Iterator<>() {
      private R next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next != null) return true;
        if (done) return false;
        Optional<R> message = receive(iteratorTimeout);
        if (message.isEmpty()) {
          done = true;
          return false;
        }
        next = message.get();
        return true;
      }

      @Override
      public R next() {
        if (!hasNext()) throw new NoSuchElementException(name + " has ended");
        R taken = next;
        next = null;
        return taken;
      }
    };
  }

  /** The messages as a sequential, lazy stream; closing it closes this message stream. */
  @Override
  public Stream<R> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  // ---- push ----

  /**
   * Delivers the messages to {@code subscriber} as it requests them. A second subscriber, or a
   * subscriber after pulling started, gets {@code onError} with an {@link IllegalStateException}.
   */
  @Override
  public void subscribe(Flow.Subscriber<? super R> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    boolean accepted;
    lock.lock();
    try {
      accepted = mode == Mode.NONE;
      if (accepted) mode = Mode.PUSH;
    } finally {
      lock.unlock();
    }
    if (!accepted) {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      subscriber.onError(
          new IllegalStateException(name + " already has a consumer; a stream can be read once"));
      return;
    }
    subscriber.onSubscribe(new Subscription());
    // Only now may signals flow: onSubscribe happens before any onNext.
    this.subscriber = subscriber;
    drain();
  }

  // ---- either side ----

  /**
   * The frames for this stream that could not be decoded, in order (the first {@value
   * DecodeErrors#KEPT}); each was passed over and the stream went on. This is where decode errors
   * are reported on every transport; {@link #decodeErrorCount()} counts them all.
   */
  @Override
  public List<StreamDecodeException> decodeErrors() {
    return decodeErrors.list();
  }

  /** How many frames for this stream could not be decoded. */
  @Override
  public long decodeErrorCount() {
    return decodeErrors.count();
  }

  /** How many messages arrived after the stream had ended (overflow, failure, cancel) and were dropped. */
  public long discarded() {
    lock.lock();
    try {
      return discarded;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops reading: buffered messages are dropped, a blocked {@link #receive} returns empty, and
   * the producer is told the consumer is gone (a TTS context is cancelled, a plain session
   * closed). Idempotent.
   */
  @Override
  public void close() {
    boolean first;
    lock.lock();
    try {
      first = !closed;
      closed = true;
      ended = true;
      buffer.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (first) onClose.run();
    drain();
  }

  @Override
  public String toString() {
    return "MessageStream{" + name + "}";
  }

  private void claim(Mode wanted) {
    if (mode == Mode.NONE) mode = wanted;
    if (mode != wanted) {
      throw new IllegalStateException(
          name + " is delivered to a subscriber; it cannot also be pulled");
    }
  }

  /** Runs the delivery loop on the executor, unless it is running: then it runs once more. */
  private void drain() {
    if (subscriber == null) return;
    if (drainRequests.getAndIncrement() != 0) return;
    try {
      executor.execute(this::deliver);
    } catch (RejectedExecutionException shutDown) {
      // The session is gone and so is its pool; what is left is delivered on this thread.
      deliver();
    }
  }

  private void deliver() {
    int missed = 1;
    int pushed = 0;
    while (true) {
      Flow.Subscriber<? super R> target = subscriber;
      boolean more = true;
      while (more) {
        if (pushed == DELIVERY_BATCH) {
          if (yieldThread()) return;
          pushed = 0;
        }
        R next = null;
        boolean finish = false;
        RuntimeException error = null;
        lock.lock();
        try {
          if (signalled) {
            buffer.clear();
          } else if (subscriberError != null) {
            signalled = true;
            finish = true;
            error = subscriberError;
          } else if (closed) {
            signalled = true;
          } else if (demand > 0 && !buffer.isEmpty()) {
            next = buffer.poll();
            demand--;
            changed.signalAll(); // a reader waiting for room (OverflowPolicy.WAIT)
          } else if (buffer.isEmpty() && ended) {
            signalled = true;
            finish = true;
            error = failure;
          }
        } finally {
          lock.unlock();
        }
        if (next != null) {
          push(target, next);
          pushed++;
        } else {
          more = false;
          if (finish) signalEnd(target, error);
        }
      }
      missed = drainRequests.addAndGet(-missed);
      if (missed == 0) return;
    }
  }

  /**
   * Hands the rest of this delivery to a new task, so that streams sharing the pool take turns;
   * false if the executor refuses (then this thread goes on).
   */
  private boolean yieldThread() {
    try {
      executor.execute(this::deliver);
      return true;
    } catch (RejectedExecutionException shutDown) {
      return false;
    }
  }

  private void push(Flow.Subscriber<? super R> target, R message) {
    try {
      target.onNext(message);
    } catch (RuntimeException | Error thrown) {
      // A subscriber must not throw (Reactive Streams rule 2.13): treat it as cancelled.
      lock.lock();
      try {
        signalled = true;
      } finally {
        lock.unlock();
      }
      close();
      reportUncaught(thrown);
    }
  }

  private static <R> void signalEnd(Flow.Subscriber<? super R> target, Throwable error) {
    try {
      if (error == null) {
        target.onComplete();
      } else {
        target.onError(error);
      }
    } catch (RuntimeException | Error thrown) {
      reportUncaught(thrown);
    }
  }

  /**
   * What a subscriber throws goes where uncaught exceptions go, never into the thread that
   * delivered (which may be the connection's reader).
   */
  private static void reportUncaught(Throwable thrown) {
    Thread current = Thread.currentThread();
    current.getUncaughtExceptionHandler().uncaughtException(current, thrown);
  }

  private final class Subscription implements Flow.Subscription {
    @Override
    public void request(long n) {
      lock.lock();
      try {
        if (n <= 0) {
          subscriberError = new IllegalArgumentException(
              "request(" + n + ") on " + name + ": demand must be positive (rule 3.9)");
        } else {
          demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }
      } finally {
        lock.unlock();
      }
      if (n <= 0) {
        close();
      } else {
        drain();
      }
    }

    @Override
    public void cancel() {
      close();
    }
  }
}
