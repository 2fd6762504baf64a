package ai.cartesia.core.testing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The server side of one WebSocket on a {@link MockWebServer}, scripted by the test: it records
 * what the client sends, and the test sends, closes or drops as it likes.
 */
public final class LoopbackSocket extends WebSocketListener {

  public final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
  public final BlockingQueue<ByteString> binaries = new LinkedBlockingQueue<>();
  private final CompletableFuture<WebSocket> socket = new CompletableFuture<>();
  private final CompletableFuture<Integer> clientClose = new CompletableFuture<>();
  private final BiConsumer<LoopbackSocket, String> onText;
  private final boolean answersClose;

  private LoopbackSocket(BiConsumer<LoopbackSocket, String> onText, boolean answersClose) {
    this.onText = onText;
    this.answersClose = answersClose;
  }

  /** Enqueues a WebSocket upgrade on {@code server}; {@code onText} answers each text frame. */
  public static LoopbackSocket enqueue(
      MockWebServer server, BiConsumer<LoopbackSocket, String> onText) {
    LoopbackSocket socket = new LoopbackSocket(onText, true);
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(socket).build());
    return socket;
  }

  /** A socket that never answers the client's close frame. */
  public static LoopbackSocket enqueueDeaf(MockWebServer server) {
    LoopbackSocket socket = new LoopbackSocket((s, text) -> {}, false);
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(socket).build());
    return socket;
  }

  public static LoopbackSocket enqueue(MockWebServer server) {
    return enqueue(server, (socket, text) -> {});
  }

  public WebSocket socket() throws Exception {
    return socket.get(5, TimeUnit.SECONDS);
  }

  public void send(String text) throws Exception {
    socket().send(text);
  }

  public void close(int code, String reason) throws Exception {
    socket().close(code, reason);
  }

  public String takeText() throws InterruptedException {
    return texts.poll(5, TimeUnit.SECONDS);
  }

  /** The close code the client sent, once it sent one. */
  public int clientCloseCode() throws Exception {
    return clientClose.get(5, TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    socket.complete(webSocket);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    texts.add(text);
    onText.accept(this, text);
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    binaries.add(bytes);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    clientClose.complete(code);
    if (answersClose) webSocket.close(1000, null);
  }
}
