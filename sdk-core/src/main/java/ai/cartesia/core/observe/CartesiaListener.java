package ai.cartesia.core.observe;

/**
 * Hears what a client does, for metrics, tracing or logs of the application's own (OpenTelemetry,
 * Micrometer, ...), without the SDK depending on any of them. Register one with the client
 * builder's {@code listener(...)}; every method does nothing unless overridden.
 *
 * <p>Methods run on the thread that made the event (the caller's, an OkHttp thread, or a
 * WebSocket reader), so they should return quickly. An exception a listener throws is caught and
 * logged; it never breaks the call. Every URL an event carries has its API key redacted, and no
 * event carries headers.
 */
public interface CartesiaListener {

  /** An HTTP request is about to be sent (each attempt of a retried call is one request). */
  default void onRequestStart(RequestStarted request) {}

  /**
   * An HTTP request has its answer (status and headers), or failed without one. A streamed body
   * (bytes, Server-Sent Events) is read after this.
   */
  default void onRequestEnd(RequestEnded response) {}

  /** A failed call will be tried again after a delay. */
  default void onRetry(RetryScheduled retry) {}

  /** A WebSocket completed its handshake. */
  default void onWebSocketOpen(WebSocketOpened open) {}

  /**
   * A WebSocket ended: closed by either side, dropped, or refused at its handshake (then without
   * an open before it).
   */
  default void onWebSocketClose(WebSocketClosed close) {}

  /** The first audio of a context of a multiplexed WebSocket (TTS) arrived. */
  default void onFirstAudio(FirstAudio firstAudio) {}

  /** A context of a multiplexed WebSocket (TTS) ended, finished or not. */
  default void onContextEnd(ContextEnded end) {}
}
