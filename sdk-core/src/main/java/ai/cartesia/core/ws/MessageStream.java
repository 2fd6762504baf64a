package ai.cartesia.core.ws;

import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamDecodeException;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The messages of one stream, whatever carries them: a TTS WebSocket context, an STT WebSocket
 * session, the unrouted messages of a TTS socket, or a Server-Sent Events response. One model on
 * every transport and for every way of reading:
 *
 * <ul>
 *   <li>each known message arrives as its typed variant, in order; a message of a type the SDK
 *       does not know as the union's {@code Unknown} variant, and the stream goes on;
 *   <li>a frame that cannot be decoded becomes a {@link StreamDecodeException} on {@link
 *       #decodeErrors()} (the one channel for them), and the stream goes on;
 *   <li>the terminal message ({@code done}) ends the stream normally;
 *   <li>an error message from the server ends it with {@link
 *       ai.cartesia.core.errors.StreamErrorException} (status code, context id, message);
 *   <li>a connection that closes or drops, or a body that ends, before the terminal message ends
 *       it with a {@link ai.cartesia.core.errors.TransportException} ({@link
 *       ai.cartesia.core.errors.ConnectionClosedException}, {@link
 *       ai.cartesia.core.errors.StreamTruncatedException});
 *   <li>a consumer that falls behind past the buffer bound ends that stream with a {@link
 *       ai.cartesia.core.errors.StreamOverflowException} (WebSocket streams; see {@link
 *       StreamSettings#overflowPolicy()}).
 * </ul>
 *
 * Every message that arrived before the end is delivered before the end, and nothing that did not
 * finish ends as a success. Pulling ({@link #iterator()}, a for-each loop, {@link #stream()})
 * throws the exception; pushing ({@link #subscribe}, {@link #listen}) gives it to {@code onError}.
 *
 * <p>A stream is read once, in one style. Closing it stops reading and lets its producer know
 * (a TTS context is cancelled, a session or a response is closed).
 *
 * @param <R> the type of the messages
 */
public interface MessageStream<R> extends Iterable<R>, Flow.Publisher<R>, AutoCloseable {

  /**
   * A blocking iterator over the messages; {@code hasNext()} throws the stream's typed failure
   * at its end, if it failed.
   */
  @Override
  Iterator<R> iterator();

  /** The messages as a sequential, lazy stream; closing it closes this message stream. */
  Stream<R> stream();

  /**
   * Calls {@code onMessage} for each message, then {@code onComplete} or {@code onError} once,
   * on the delivery executor, never on the connection's reader. If {@code onMessage} throws, the
   * stream is closed and {@code onError} receives an {@link SdkException} whose cause is what it
   * threw.
   */
  default void listen(
      Consumer<? super R> onMessage, Consumer<? super SdkException> onError, Runnable onComplete) {
    Objects.requireNonNull(onMessage, "onMessage");
    Objects.requireNonNull(onError, "onError");
    Objects.requireNonNull(onComplete, "onComplete");
    String name = toString();
    subscribe(new Flow.Subscriber<R>() {
      private Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(R message) {
        try {
          onMessage.accept(message);
        } catch (RuntimeException e) {
          subscription.cancel();
          onError.accept(new SdkException(
              "the onMessage callback of " + name + " threw, so the stream was closed: " + e, e));
        }
      }

      @Override
      public void onError(Throwable error) {
        onError.accept(
            error instanceof SdkException sdk
                ? sdk
                : new SdkException(String.valueOf(error.getMessage()), error));
      }

      @Override
      public void onComplete() {
        onComplete.run();
      }
    });
  }

  /**
   * The frames of this stream that could not be decoded, in the order they arrived (the first
   * hundred); each was passed over and the stream went on. {@link #decodeErrorCount()} counts
   * them all.
   */
  List<StreamDecodeException> decodeErrors();

  /** How many frames of this stream could not be decoded. */
  long decodeErrorCount();

  /** Stops reading; idempotent. */
  @Override
  void close();
}
