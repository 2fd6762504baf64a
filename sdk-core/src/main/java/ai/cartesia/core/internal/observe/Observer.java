package ai.cartesia.core.internal.observe;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.observe.CartesiaListener;
import ai.cartesia.core.observe.ContextEnded;
import ai.cartesia.core.observe.FirstAudio;
import ai.cartesia.core.observe.LogLevel;
import ai.cartesia.core.observe.RequestEnded;
import ai.cartesia.core.observe.RequestStarted;
import ai.cartesia.core.observe.RetryScheduled;
import ai.cartesia.core.observe.WebSocketClosed;
import ai.cartesia.core.observe.WebSocketOpened;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One client's diagnostics: each event is logged (if enabled) and handed to the client's
 * listeners, whose failures are caught and logged so that they never break a call.
 */
public final class Observer {

  private static final AtomicLong IDS = new AtomicLong();

  private final List<CartesiaListener> listeners;
  private final SdkLog log;

  Observer(List<CartesiaListener> listeners, SdkLog log) {
    this.listeners = List.copyOf(listeners);
    this.log = log;
  }

  public static Observer of(ClientOptions options) {
    return new Observer(options.listeners(), new SdkLog(options.logLevel().orElse(LogLevel.OFF)));
  }

  public SdkLog log() {
    return log;
  }

  /** An id for a request or a socket, unique within the JVM. */
  public static long nextId() {
    return IDS.incrementAndGet();
  }

  public void requestStarted(RequestStarted event) {
    notify("onRequestStart", listener -> listener.onRequestStart(event));
  }

  public void requestEnded(RequestEnded event) {
    RequestStarted request = event.request();
    log.info(() -> "<-- "
        + (event.status().isPresent() ? String.valueOf(event.status().getAsInt()) : "failed") + " "
        + request.method() + " " + request.url() + " (" + millis(event.duration()) + ")"
        + event.failure().map(failure -> ": " + failure).orElse(""));
    notify("onRequestEnd", listener -> listener.onRequestEnd(event));
  }

  public void retryScheduled(RetryScheduled event) {
    log.info(() -> "retry " + event.retry() + " of " + event.method() + " " + event.url() + " in "
        + millis(event.delay()) + ", after " + event.cause());
    notify("onRetry", listener -> listener.onRetry(event));
  }

  public void webSocketOpened(WebSocketOpened event) {
    log.info(
        () -> "WebSocket " + event.url() + " open (handshake " + millis(event.handshake()) + ")");
    notify("onWebSocketOpen", listener -> listener.onWebSocketOpen(event));
  }

  public void webSocketClosed(WebSocketClosed event) {
    log.info(() -> "WebSocket " + event.url()
        + (event.code().isPresent()
            ? " closed with code " + event.code().getAsInt()
                + (event.reason().isEmpty() ? "" : " (" + event.reason() + ")")
            : " failed: " + event.failure().map(Throwable::toString).orElse("no reason"))
        + " after " + millis(event.duration()));
    notify("onWebSocketClose", listener -> listener.onWebSocketClose(event));
  }

  public void firstAudio(FirstAudio event) {
    log.debug(() -> "context " + event.contextId() + " on " + event.url() + ": first audio after "
        + millis(event.sinceFirstSend()));
    notify("onFirstAudio", listener -> listener.onFirstAudio(event));
  }

  public void contextEnded(ContextEnded event) {
    log.debug(() -> "context " + event.contextId() + " on " + event.url() + ": "
        + event.outcome().name().toLowerCase(java.util.Locale.ROOT) + " after "
        + millis(event.sinceFirstSend())
        + event.failure().map(failure -> ": " + failure).orElse(""));
    notify("onContextEnd", listener -> listener.onContextEnd(event));
  }

  private void notify(String method, Consumer<CartesiaListener> call) {
    for (CartesiaListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException | AssertionError | LinkageError e) {
        // A bug of the listener's, not of the call; an AssertionError too, as test listeners throw
        // them.
        log.warn(
            "the listener " + listener.getClass().getName() + " threw in " + method
                + "; the SDK ignores it and goes on",
            e);
      }
    }
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + " ms";
  }
}
