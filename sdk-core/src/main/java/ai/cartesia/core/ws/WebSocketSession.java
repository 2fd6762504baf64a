package ai.cartesia.core.ws;

import ai.cartesia.core.ClientContext;
import ai.cartesia.core.errors.ApiExceptions;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.TransportException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One WebSocket connection: sends typed messages and binary frames, and delivers the server's
 * messages decoded, in order, to a blocking reader.
 *
 * @param <S> the type of the JSON messages the client sends
 * @param <R> the type of the messages the server sends
 */
public final class WebSocketSession<S, R> implements AutoCloseable {

  private static final int NORMAL_CLOSURE = 1000;

  /** What the reader takes from the queue: a message, or the end of the stream. */
  private sealed interface Event<R> {}

  private record Message<R>(R value) implements Event<R> {}

  private record Ended<R>(SdkException failure) implements Event<R> {}

  private final ClientContext context;
  private final WebSocketChannel<S, R> channel;
  private final String displayUrl;
  private final BlockingQueue<Event<R>> inbox = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final WebSocket socket;
  private volatile boolean ended;

  private WebSocketSession(ClientContext context, WebSocketChannel<S, R> channel, HttpUrl url) {
    this.context = context;
    this.channel = channel;
    this.displayUrl = WebSocketUrls.display(url, channel);
    this.socket = context.httpClient().newWebSocket(new Request.Builder().url(url).build(), new Listener());
  }

  /**
   * Opens the connection and waits for the handshake. A refused handshake becomes the {@code
   * ApiException} of its status (401 unauthorized, 402 payment required, 403 forbidden, 404 not
   * found, 429 rate limited); a failed connection a {@link TransportException}.
   */
  public static <S, R> WebSocketSession<S, R> connect(
      ClientContext context, WebSocketChannel<S, R> channel, Map<String, String> query, Duration handshakeTimeout) {
    HttpUrl url = WebSocketUrls.of(context.options(), channel, query);
    WebSocketSession<S, R> session = new WebSocketSession<>(context, channel, url);
    session.awaitOpen(handshakeTimeout);
    return session;
  }

  /** Sends a message as a JSON text frame. */
  public void send(S message) {
    String text;
    try {
      text = context.json().writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new SdkException("cannot encode " + message.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
    }
    sendText(text);
  }

  public void sendText(String text) {
    if (!socket.send(text)) throw closedForSending();
  }

  public void sendBinary(byte[] bytes) {
    if (!socket.send(ByteString.of(bytes))) throw closedForSending();
  }

  /**
   * The next message from the server, waiting at most {@code timeout}. Empty once the server
   * closed the connection normally and every message before the close was taken.
   *
   * @throws SdkException if the connection failed, a frame could not be decoded, or nothing
   *     arrived in time
   */
  public Optional<R> receive(Duration timeout) {
    Event<R> event;
    try {
      event = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SdkException("interrupted while waiting for a message from " + displayUrl, e);
    }
    if (event == null) throw new SdkException("no message from " + displayUrl + " within " + timeout);
    if (event instanceof Message<R> message) return Optional.of(message.value());
    Ended<R> end = (Ended<R>) event;
    inbox.add(end); // every later call sees the end too
    if (end.failure() != null) throw end.failure();
    return Optional.empty();
  }

  /** Closes the connection; messages already received can still be taken. */
  @Override
  public void close() {
    socket.close(NORMAL_CLOSURE, null);
    end(null);
  }

  @Override
  public String toString() {
    return "WebSocketSession{" + displayUrl + "}";
  }

  private void awaitOpen(Duration timeout) {
    try {
      opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      socket.cancel();
      throw (SdkException) e.getCause();
    } catch (TimeoutException e) {
      socket.cancel();
      throw new TransportException("no WebSocket handshake from " + displayUrl + " within " + timeout, e);
    } catch (InterruptedException e) {
      socket.cancel();
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while connecting to " + displayUrl, e);
    }
  }

  /** Removes the API key from a text, wherever a server or a library may have echoed it. */
  private String redact(String text) {
    return context.options().apiKey().map(key -> key.redact(text)).orElse(text);
  }

  private SdkException closedForSending() {
    return new SdkException("the WebSocket " + displayUrl + " is closed; nothing more can be sent");
  }

  private void deliver(String text) {
    try {
      inbox.add(new Message<>(channel.decoder().decode(text)));
    } catch (Exception e) {
      end(new SdkException(redact("cannot decode a message from " + displayUrl + ": " + e.getMessage()), e));
      socket.cancel();
    }
  }

  private synchronized void end(SdkException failure) {
    if (ended) return;
    ended = true;
    inbox.add(new Ended<>(failure));
  }

  private final class Listener extends WebSocketListener {
    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      opened.complete(null);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      deliver(text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      deliver(bytes.utf8());
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(NORMAL_CLOSURE, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      end(code == NORMAL_CLOSURE ? null
          : new TransportException("the WebSocket " + displayUrl + " closed with code " + code + " " + reason, null));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      SdkException failure;
      if (!opened.isDone() && response != null) {
        String body = "";
        try {
          body = response.body() == null ? "" : response.body().string();
        } catch (Exception ignored) {
          // the status says enough
        }
        failure = ApiExceptions.of("GET", "/" + channel.path(), response.code(),
            response.headers().toMultimap(), redact(body), context.json());
      } else {
        failure = new TransportException(redact("the WebSocket " + displayUrl + " failed: " + t), t);
      }
      opened.completeExceptionally(failure);
      end(failure);
    }
  }
}
