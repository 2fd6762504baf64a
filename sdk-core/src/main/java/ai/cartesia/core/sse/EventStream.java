package ai.cartesia.core.sse;

import ai.cartesia.core.internal.sse.EventReader;
import ai.cartesia.core.internal.sse.JsonLinesOrSseParser;
import ai.cartesia.core.internal.sse.CurrentEvent;
import ai.cartesia.core.internal.sse.SseParser;

import ai.cartesia.core.internal.Secret;
import ai.cartesia.core.internal.errors.Causes;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamDecodeException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.internal.json.TextDecoder;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.ResponseBody;

/**
 * The typed events of a streamed HTTP response (Server-Sent Events, or JSON lines), read lazily
 * as the caller iterates: one event is parsed and decoded per {@link #next()}, and the body is
 * never read whole.
 *
 * <p>An event whose data cannot be decoded makes {@link #hasNext()} throw a {@link
 * StreamDecodeException} naming the event, with an excerpt of its data; iterating again goes on
 * with the following event. An event with empty data carries nothing to decode and is passed
 * over. A failure of the connection ends the stream with a {@link TransportException}.
 *
 * <p>The stream ends at the end of the body, or right after the message the {@linkplain
 * Builder#endsAfter last-message test} accepts; its connection is then given back to the pool.
 * Closing it before its end cancels the call and closes the body, so no connection or thread is
 * left behind; close it when leaving early, with try-with-resources.
 *
 * @param <T> the type of the decoded events
 */
public final class EventStream<T> implements Iterator<T>, AutoCloseable {

  private final EventReader reader;
  private final ResponseBody body;
  private final TextDecoder<T> decoder;
  private final Predicate<? super T> isLast;
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

  private EventStream(Builder<T> builder) {
    this.body = builder.body;
    this.reader = builder.framing.apply(builder.body);
    this.decoder = builder.decoder;
    this.isLast = builder.isLast;
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
    if (ended) return false;
    reading = true;
    try {
      if (closed) return false;
      while (true) {
        CurrentEvent event = reader.nextEvent();
        if (event == null) {
          release();
          return false;
        }
        events++;
        if (event.dataIsEmpty()) continue;
        next = decode(event);
        endAfterNext = isLast.test(next);
        return true;
      }
    } catch (IOException e) {
      // Closed from another thread while this one read: the cancelled call fails the read.
      boolean closedByCaller = closed;
      close();
      if (closedByCaller) return false;
      throw new TransportException(redact.apply("the stream of " + description + " failed after " + events
          + " events: " + e), Causes.redacted(e, redact));
    } finally {
      reading = false;
      if (closed) closeBody();
    }
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
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(this::close);
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
    return "EventStream{" + description + ", " + events + " events read" + (ended ? ", ended" : "") + "}";
  }

  private T decode(CurrentEvent event) {
    String what = "event " + events + (event.event().equals("message") ? "" : " (" + event.event() + ")")
        + (event.lastEventId().isEmpty() ? "" : " id " + event.lastEventId()) + " of " + description;
    T value;
    try {
      value = event.decodeData(decoder); // from the event's bytes where it can
    } catch (Exception e) {
      throw new StreamDecodeException(what, event.data(), e, redact);
    }
    if (value == null) {
      throw new StreamDecodeException(what, event.data(), new SdkException("it decodes to no value"), redact);
    }
    return value;
  }

  /** How an {@link EventStream} reads its body and when it ends. */
  public static final class Builder<T> {
    private final ResponseBody body;
    private final TextDecoder<T> decoder;
    private Function<ResponseBody, EventReader> framing = responseBody -> new SseParser(responseBody.source());
    private Predicate<? super T> isLast = value -> false;
    private Runnable cancel = () -> { };
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

    /** The stream ends, and its call is let go, right after the message this accepts. */
    public Builder<T> endsAfter(Predicate<? super T> isLast) {
      this.isLast = Objects.requireNonNull(isLast, "isLast");
      return this;
    }

    /** Keeps the API key out of the texts of exceptions ({@code context.options().apiKey()}). */
    public Builder<T> redacting(Optional<Secret> secret) {
      this.redact = secret.<UnaryOperator<String>>map(key -> key::redact).orElse(UnaryOperator.identity());
      return this;
    }

    public EventStream<T> build() {
      return new EventStream<>(this);
    }
  }
}
