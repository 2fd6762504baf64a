package ai.cartesia.core.internal.sse;

import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamDecodeException;
import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.errors.StreamTruncatedException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.internal.errors.Causes;
import ai.cartesia.core.internal.json.TextDecoder;
import ai.cartesia.core.internal.stream.DecodeErrors;
import ai.cartesia.core.internal.stream.ErrorReader;
import ai.cartesia.core.internal.stream.ServerError;
import ai.cartesia.core.internal.ws.BufferedMessageStream;
import ai.cartesia.core.internal.ws.DeliveryExecutor;
import ai.cartesia.core.sse.EventStream;
import ai.cartesia.core.ws.OverflowPolicy;
import ai.cartesia.core.ws.StreamSettings;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.ResponseBody;

/**
 * The {@link EventStream} of a streamed HTTP response: events are parsed and decoded from the body
 * as the caller reads, one per {@link #next()}; a pushed reader ({@link #subscribe}) reads on a
 * thread of its own. Built by generated code with {@link #builder}.
 *
 * @param <T> the type of the decoded events
 */
public final class ResponseEventStream<T> implements EventStream<T> {

  private final EventReader reader;
  private final ResponseBody body;
  private final TextDecoder<T> decoder;
  private final Predicate<? super T> isLast;
  private final boolean hasTerminalMessage;
  private final ErrorReader<T> errors;
  private final DecodeErrors decodeErrors = new DecodeErrors();
  /** Why the stream ended, if it failed; thrown again on every hasNext. */
  private volatile SdkException failure;

  private boolean iterated;
  private final Runnable cancel;
  private final String description;
  private final UnaryOperator<String> redact;

  private T next;
  private volatile boolean ended;
  private boolean endAfterNext;
  private volatile boolean closed;
  /** A thread is inside the body: only that thread may close it (Okio's buffers are not thread-safe). */
  private volatile boolean reading;

  private final AtomicBoolean bodyClosed = new AtomicBoolean();
  private long events;

  /** A pushed stream reads ahead at most this many events, then waits for the subscriber. */
  private static final StreamSettings PUSHED =
      StreamSettings.defaults().withBufferCapacity(256).withOverflowPolicy(OverflowPolicy.WAIT);

  private ResponseEventStream(Builder<T> builder) {
    this.body = builder.body;
    this.reader = builder.framing.apply(builder.body);
    this.decoder = builder.decoder;
    this.isLast = builder.isLast;
    this.hasTerminalMessage = builder.hasTerminalMessage;
    this.errors = builder.errors;
    this.cancel = builder.cancel;
    this.description = builder.description;
    this.redact = builder.redact;
  }

  /** A stream of the events of {@code body}, each decoded from its data by {@code decoder}. */
  public static <T> Builder<T> builder(ResponseBody body, TextDecoder<T> decoder) {
    return new Builder<>(body, decoder);
  }

  @Override
  public boolean hasNext() {
    if (next != null) return true;
    if (failure != null) throw failure;
    if (ended) return false;
    reading = true;
    try {
      if (closed) return false;
      while (true) {
        CurrentEvent event = reader.nextEvent();
        if (event == null) {
          release();
          if (hasTerminalMessage) {
            throw fail(new StreamTruncatedException(
                "the stream of " + description + " ended after " + events
                    + " events without its last message: what arrived is incomplete",
                null));
          }
          return false;
        }
        events++;
        if (event.dataIsEmpty()) continue;
        T decoded;
        try {
          decoded = decode(event);
        } catch (StreamDecodeException e) {
          decodeErrors.add(e);
          continue;
        }
        Optional<ServerError> error = errors.errorOf(decoded);
        if (error.isPresent()) {
          release();
          throw fail(new StreamErrorException(
              redact.apply(
                  "the stream of " + description + " failed: " + error.get().message()),
              null,
              error.get().statusOrNull(),
              decoded));
        }
        next = decoded;
        endAfterNext = isLast.test(next);
        return true;
      }
    } catch (IOException e) {
      // Closed from another thread while this one read: the cancelled call fails the read.
      boolean closedByCaller = closed;
      close();
      if (closedByCaller) return false;
      throw fail(new TransportException(
          redact.apply(
              "the stream of " + description + " failed after " + events + " events: " + e),
          Causes.redacted(e, redact)));
    } finally {
      reading = false;
      if (closed) closeBody();
    }
  }

  private SdkException fail(SdkException error) {
    failure = error;
    return error;
  }

  /**
   * This stream, for a for-each loop; it can be iterated once, since its events are read as they
   * arrive.
   */
  @Override
  public Iterator<T> iterator() {
    if (iterated)
      throw new IllegalStateException("the stream of " + description + " can be iterated once");
    iterated = true;
    return this;
  }

  /**
   * Delivers the events to {@code subscriber} as it requests them, read by a thread of this
   * stream's own (so a slow subscriber holds the response, not a shared thread). The end is
   * {@code onComplete}, or {@code onError} with the exception an iterator would throw.
   */
  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    BufferedMessageStream<T> pushed = new BufferedMessageStream<>(
        "the stream of " + description, PUSHED, DeliveryExecutor.of(PUSHED), this::close);
    if (iterated) {
      pushed.fail(new SdkException(
          "the stream of " + description + " is already being read; it can be read once"));
      pushed.subscribe(subscriber);
      return;
    }
    iterated = true;
    Thread reader = new Thread(() -> pump(pushed), "cartesia-sse-reader");
    reader.setDaemon(true);
    pushed.subscribe(subscriber);
    reader.start();
  }

  private void pump(BufferedMessageStream<T> pushed) {
    try {
      while (hasNext()) pushed.offer(next());
      pushed.complete();
    } catch (SdkException e) {
      pushed.fail(e);
    } catch (RuntimeException e) {
      pushed.fail(new SdkException(
          redact.apply("reading the stream of " + description + " failed: " + e), e));
    }
  }

  /**
   * The events that could not be decoded, in order (the first {@value DecodeErrors#KEPT}); each
   * was passed over and the stream went on. {@link #decodeErrorCount()} counts them all.
   */
  @Override
  public List<StreamDecodeException> decodeErrors() {
    return decodeErrors.list();
  }

  /** How many events of this stream could not be decoded. */
  @Override
  public long decodeErrorCount() {
    return decodeErrors.count();
  }

  @Override
  public T next() {
    if (!hasNext()) throw new NoSuchElementException("the stream of " + description + " has ended");
    T taken = next;
    next = null;
    if (endAfterNext) release();
    return taken;
  }

  /** The remaining events as a sequential, lazy stream; closing it closes this event stream. */
  @Override
  public Stream<T> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * Cancels the call and closes the body; idempotent, and safe from another thread: a thread
   * blocked reading the stream then sees it end.
   */
  @Override
  public void close() {
    ended = true;
    if (closed) return;
    closed = true;
    cancel.run();
    // A read in progress fails once the call is cancelled, and its thread closes the body.
    if (!reading) closeBody();
  }

  /**
   * Lets the body go at the stream's natural end without cancelling the call: closing the body
   * reads what little is left (the end of a chunked body) so the connection goes back to the pool.
   */
  private void release() {
    ended = true;
    if (closed) return;
    closed = true;
    closeBody();
  }

  private void closeBody() {
    if (!bodyClosed.compareAndSet(false, true)) return;
    try {
      reader.close(); // gives the parser's buffer back for the next stream
    } catch (IOException | RuntimeException e) {
      // closing the body below is what matters
    }
    body.close();
  }

  @Override
  public String toString() {
    return "EventStream{" + description + ", " + events + " events read" + (ended ? ", ended" : "")
        + "}";
  }

  private T decode(CurrentEvent event) {
    T value;
    try {
      value = event.decodeData(decoder); // from the event's bytes where it can
    } catch (Exception e) {
      throw new StreamDecodeException(describe(event), event.data(), e, redact);
    }
    if (value == null) {
      throw new StreamDecodeException(
          describe(event), event.data(), new SdkException("it decodes to no value"), redact);
    }
    return value;
  }

  /** Which event this is, for an error about it; made only then, not for every event. */
  private String describe(CurrentEvent event) {
    return "event " + events + (event.event().equals("message") ? "" : " (" + event.event() + ")")
        + (event.lastEventId().isEmpty() ? "" : " id " + event.lastEventId()) + " of "
        + description;
  }

  /** How an {@link EventStream} reads its body and when it ends. */
  public static final class Builder<T> {
    private final ResponseBody body;
    private final TextDecoder<T> decoder;
    private Function<ResponseBody, EventReader> framing =
        responseBody -> new SseParser(responseBody.source());
    private Predicate<? super T> isLast = value -> false;
    private boolean hasTerminalMessage;
    private ErrorReader<T> errors = ErrorReader.none();
    private Runnable cancel = () -> {};
    private String description = "a streamed response";
    private UnaryOperator<String> redact = UnaryOperator.identity();

    private Builder(ResponseBody body, TextDecoder<T> decoder) {
      this.body = Objects.requireNonNull(body, "body");
      this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** The body is an event stream (the default). */
    public Builder<T> sse() {
      framing = responseBody -> new SseParser(responseBody.source());
      return this;
    }

    /** The body is an event stream or JSON lines, decided line by line ({@link JsonLinesOrSseParser}). */
    public Builder<T> jsonLinesOrSse() {
      framing = responseBody -> new JsonLinesOrSseParser(responseBody.source());
      return this;
    }

    /** The Retrofit call that produced the body: closing the stream cancels it, messages name it. */
    public Builder<T> call(retrofit2.Call<?> call) {
      this.cancel = call::cancel;
      this.description = call.request().method() + " " + call.request().url().encodedPath();
      return this;
    }

    /** The OkHttp call that produced the body: closing the stream cancels it, messages name it. */
    public Builder<T> call(okhttp3.Call call) {
      this.cancel = call::cancel;
      this.description = call.request().method() + " " + call.request().url().encodedPath();
      return this;
    }

    /**
     * The stream ends, and its call is let go, right after the message this accepts; a body that
     * ends before such a message ends the stream with a {@link StreamTruncatedException}.
     */
    public Builder<T> endsAfter(Predicate<? super T> isLast) {
      this.isLast = Objects.requireNonNull(isLast, "isLast");
      this.hasTerminalMessage = true;
      return this;
    }

    /** Messages for which this finds an error end the stream with a {@link StreamErrorException}. */
    public Builder<T> failsOn(ErrorReader<T> errors) {
      this.errors = Objects.requireNonNull(errors, "errors");
      return this;
    }

    /**
     * Keeps credentials out of the texts of exceptions: {@code context::redact} masks every
     * credential of the client.
     */
    public Builder<T> redacting(UnaryOperator<String> redact) {
      this.redact = Objects.requireNonNull(redact, "redact");
      return this;
    }

    public ResponseEventStream<T> build() {
      return new ResponseEventStream<>(this);
    }
  }
}
