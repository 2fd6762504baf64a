package ai.cartesia.core.internal.ws;

import ai.cartesia.core.errors.ConnectionClosedException;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamDecodeException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.internal.errors.ApiExceptions;
import ai.cartesia.core.internal.errors.Causes;
import ai.cartesia.core.internal.observe.Observer;
import ai.cartesia.core.observe.WebSocketClosed;
import ai.cartesia.core.observe.WebSocketOpened;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One OkHttp WebSocket as the sessions need it: a handshake that fails with the typed exception
 * of its status, frames handed to a {@link Handler}, one end reported once, sends that fail
 * loudly, a bounded close, and every text it shows free of the API key.
 */
public final class WebSocketConnection {

  public static final int NORMAL_CLOSURE = 1000;

  /** Receives what the connection reads, on OkHttp's reader thread. */
  public interface Handler {
    void onText(String text);

    /** The close handshake completed with the server's {@code code}. */
    void onClosed(int code, String reason);

    /** The connection failed, dropped, or its handshake was refused. */
    void onFailure(SdkException failure);
  }

  private final ClientContext client;
  private final HttpUrl url;
  private final String displayUrl;
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile WebSocket socket;
  private final long id = Observer.nextId();
  private volatile long connectStart;
  private final AtomicBoolean endReported = new AtomicBoolean();

  public WebSocketConnection(
      ClientContext client, WebSocketChannel<?, ?> channel, Map<String, String> query) {
    this.client = client;
    this.url = WebSocketUrls.of(client.options(), channel, query);
    this.displayUrl = WebSocketUrls.display(url, channel);
  }

  /** The URL as it may be shown: ws(s) scheme, API key redacted. */
  public String displayUrl() {
    return displayUrl;
  }

  /** Removes the API key from a text, wherever a server or a library may have echoed it. */
  public String redact(String text) {
    return client.redact(text);
  }

  /**
   * Opens the socket and waits for the handshake. A refused handshake becomes the {@code
   * ApiException} of its status, a failed connection a {@link TransportException}; either way
   * {@code onFailure} first frees what the session made for itself.
   */
  public void connect(Handler handler, Duration handshakeTimeout, Runnable onFailure) {
    try {
      open(handler, handshakeTimeout);
    } catch (RuntimeException e) {
      onFailure.run();
      throw e;
    }
  }

  private void open(Handler handler, Duration handshakeTimeout) {
    client.checkOpen();
    connectStart = System.nanoTime();
    socket = client
        .httpClient()
        .newWebSocket(new Request.Builder().url(url).build(), new Listener(handler));
    try {
      opened.get(handshakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      socket.cancel();
      throw (SdkException) e.getCause();
    } catch (TimeoutException e) {
      socket.cancel();
      TransportException failure = new TransportException(
          "no WebSocket handshake from " + displayUrl + " within " + handshakeTimeout, null);
      reportEnd(OptionalInt.empty(), "", failure);
      throw failure;
    } catch (InterruptedException e) {
      socket.cancel();
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while connecting to " + displayUrl, e);
    }
  }

  /**
   * Decodes one frame; a frame that fails, or decodes to nothing (the text {@code null}), is a
   * {@link StreamDecodeException} naming the frame and quoting its start.
   */
  public <R> R decode(FrameDecoder<R> decoder, String frame, long frameNumber) {
    R message;
    try {
      message = decoder.decode(frame);
    } catch (Exception e) {
      throw new StreamDecodeException(
          "frame " + frameNumber + " from " + displayUrl, frame, e, this::redact);
    }
    if (message == null) {
      throw new StreamDecodeException(
          "frame " + frameNumber + " from " + displayUrl,
          frame,
          new SdkException("it decodes to no message"),
          this::redact);
    }
    return message;
  }

  public void sendJson(Object message) {
    String text;
    try {
      text = client.json().writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new SdkException(
          redact("cannot encode " + message.getClass().getSimpleName() + " as JSON: "
              + e.getOriginalMessage()),
          Causes.redacted(e, this::redact));
    }
    sendText(text);
  }

  public void sendText(String text) {
    if (!socket.send(text)) throw closedForSending();
  }

  public void sendBinary(ByteString bytes) {
    if (!socket.send(bytes)) throw closedForSending();
  }

  /** Bytes queued for sending and not yet written to the network. */
  public long queuedBytes() {
    return socket.queueSize();
  }

  /**
   * Starts the close handshake and waits at most {@code timeout} for the server's answer, then
   * cancels the socket, so that its reader thread is free when this returns.
   */
  public void close(Duration timeout) {
    WebSocket current = socket;
    if (current == null) return;
    current.close(NORMAL_CLOSURE, null);
    try {
      if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) current.cancel();
    } catch (InterruptedException e) {
      current.cancel();
      Thread.currentThread().interrupt();
    }
  }

  /** Drops the connection at once, without a close handshake. */
  public void cancel() {
    WebSocket current = socket;
    if (current != null) current.cancel();
  }

  /** Reports the socket's end to the client's observer, once, whichever way it ended first. */
  private void reportEnd(OptionalInt code, String reason, Throwable failure) {
    if (!endReported.compareAndSet(false, true)) return;
    client
        .observer()
        .webSocketClosed(new WebSocketClosed(
            id,
            displayUrl,
            code,
            reason,
            Optional.ofNullable(failure),
            Duration.ofNanos(System.nanoTime() - connectStart)));
  }

  private SdkException closedForSending() {
    return new ConnectionClosedException(
        "cannot send on the WebSocket " + displayUrl
            + ": it is closed or closing, or its outgoing buffer (16 MiB) is full",
        null);
  }

  private final class Listener extends WebSocketListener {
    private final Handler handler;

    Listener(Handler handler) {
      this.handler = handler;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      client
          .observer()
          .webSocketOpened(new WebSocketOpened(
              id, displayUrl, Duration.ofNanos(System.nanoTime() - connectStart)));
      opened.complete(null);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      handler.onText(text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      handler.onText(bytes.utf8());
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(NORMAL_CLOSURE, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      reportEnd(OptionalInt.of(code), redact(reason), null);
      handler.onClosed(code, redact(reason));
      finished.countDown();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      SdkException failure;
      if (!opened.isDone() && response != null && response.code() != 101) {
        failure = ApiExceptions.handshake(
            displayUrl,
            response.code(),
            response.headers().toMultimap(),
            redact(bodyOf(response)),
            client.json());
      } else if (!opened.isDone()) {
        failure = new TransportException(
            redact("cannot open the WebSocket " + displayUrl + ": " + t),
            Causes.redacted(t, WebSocketConnection.this::redact));
      } else {
        failure = new ConnectionClosedException(
            redact("the WebSocket " + displayUrl + " dropped: " + t),
            Causes.redacted(t, WebSocketConnection.this::redact));
      }
      reportEnd(OptionalInt.empty(), "", failure);
      opened.completeExceptionally(failure);
      handler.onFailure(failure);
      finished.countDown();
    }

    private String bodyOf(Response response) {
      try {
        return response.body() == null ? "" : response.body().string();
      } catch (Exception unreadable) {
        return ""; // the status says enough
      }
    }
  }
}
