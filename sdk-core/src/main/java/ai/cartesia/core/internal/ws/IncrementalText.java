package ai.cartesia.core.internal.ws;

import ai.cartesia.core.errors.SdkException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Text fed to one context piece by piece, as a voice agent produces it: each piece goes out as a
 * continuation, a flush asks the server to finish what it has and is acknowledged in order, and
 * the end of input closes the context on the server. The generated context builds the three
 * client messages from the settings it was opened with; the flags are this class's business.
 *
 * @param <S> the type of the client's messages
 * @param <R> the type of the server's messages
 */
public final class IncrementalText<S, R> {

  private final MultiplexedContext<S, R> context;
  private final Function<String, S> piece;
  private final Supplier<S> flush;
  private final Supplier<S> end;
  private final Predicate<? super R> isFlushDone;
  /** The flushes sent and not yet acknowledged, oldest first; guarded by itself. */
  private final ArrayDeque<CompletableFuture<Void>> flushes = new ArrayDeque<>();

  private boolean ended;

  /**
   * @param piece the message that carries a piece of text with more to follow
   * @param flush the message that asks for a flush (empty text, more to follow)
   * @param end the message that ends the input (empty text, nothing to follow)
   * @param isFlushDone which server message acknowledges a flush
   */
  public IncrementalText(
      MultiplexedContext<S, R> context,
      Function<String, S> piece,
      Supplier<S> flush,
      Supplier<S> end,
      Predicate<? super R> isFlushDone) {
    this.context = Objects.requireNonNull(context, "context");
    this.piece = piece;
    this.flush = flush;
    this.end = end;
    this.isFlushDone = isFlushDone;
    context.observe(this::onMessage);
    context.finished().whenComplete((done, failure) -> endFlushes(failure));
  }

  /**
   * Sends {@code text} as the next piece; the server joins pieces exactly as sent, so include the
   * spaces and punctuation where they meet.
   */
  public void push(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty())
      throw new IllegalArgumentException(
          "push needs some text; use flush() or endInput() to send none");
    synchronized (flushes) {
      requireInputOpen("push");
      context.send(piece.apply(text));
    }
  }

  /**
   * Asks the server to generate everything pushed so far now. The future completes when the
   * server acknowledges this flush (all its audio was sent before the acknowledgement), or when
   * the context finishes; exceptionally if the context fails or its connection ends first.
   */
  public CompletableFuture<Void> flush() {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    synchronized (flushes) {
      requireInputOpen("flush");
      flushes.add(acknowledged);
      try {
        context.send(flush.get());
      } catch (RuntimeException e) {
        flushes.remove(acknowledged);
        throw e;
      }
    }
    return acknowledged;
  }

  /** Tells the server no more text follows; the context then ends after its last audio. Idempotent. */
  public void endInput() {
    synchronized (flushes) {
      if (ended) return;
      ended = true;
      context.send(end.get());
    }
  }

  private void requireInputOpen(String what) {
    if (ended)
      throw new IllegalStateException(
          "cannot " + what + " on context " + context.id() + ": its input has ended");
  }

  private void onMessage(R message) {
    if (!isFlushDone.test(message)) return;
    CompletableFuture<Void> oldest;
    synchronized (flushes) {
      oldest = flushes.poll();
    }
    if (oldest != null) oldest.complete(null);
  }

  /** The context finished: a normal end answers every flush, a failure fails them. */
  private void endFlushes(Throwable failure) {
    CompletableFuture<Void>[] pending;
    synchronized (flushes) {
      @SuppressWarnings("unchecked")
      CompletableFuture<Void>[] all = flushes.toArray(new CompletableFuture[0]);
      pending = all;
      flushes.clear();
    }
    for (CompletableFuture<Void> flushed : pending) {
      if (failure == null) {
        flushed.complete(null);
      } else {
        flushed.completeExceptionally(
            failure instanceof SdkException
                ? failure
                : new SdkException(failure.getMessage(), failure));
      }
    }
  }
}
