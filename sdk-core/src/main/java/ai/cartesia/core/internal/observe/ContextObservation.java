package ai.cartesia.core.internal.observe;

import ai.cartesia.core.observe.ContextEnded;
import ai.cartesia.core.observe.FirstAudio;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The timeline of one context of a multiplexed WebSocket: its first message out, its first
 * audio in, its end, each reported once whichever thread sees it first.
 */
public final class ContextObservation {

  private final Observer observer;
  private final String contextId;
  private final String url;
  private volatile long firstSend;
  private final AtomicBoolean heardAudio = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();

  public ContextObservation(Observer observer, String contextId, String url) {
    this.observer = observer;
    this.contextId = contextId;
    this.url = url;
  }

  /** A message went out on the context; the first one starts the clock. */
  public void sent() {
    if (firstSend == 0) firstSend = System.nanoTime();
  }

  /** Whether first audio is still to come, so that the caller need not look for audio once it came. */
  public boolean awaitsAudio() {
    return !heardAudio.get() && !ended.get();
  }

  public void audio() {
    if (heardAudio.compareAndSet(false, true))
      observer.firstAudio(new FirstAudio(contextId, url, elapsed()));
  }

  public void ended(ContextEnded.Outcome outcome, Throwable failure) {
    if (ended.compareAndSet(false, true)) {
      observer.contextEnded(
          new ContextEnded(contextId, url, outcome, elapsed(), Optional.ofNullable(failure)));
    }
  }

  private Duration elapsed() {
    long start = firstSend;
    return start == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
  }
}
