package ai.cartesia.core.internal.ws;

import ai.cartesia.core.errors.ConnectionClosedException;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamDecodeException;
import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.internal.stream.ServerError;
import ai.cartesia.core.ws.MessageStream;
import ai.cartesia.core.ws.StreamSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import okio.ByteString;

/**
 * One WebSocket connection with a single stream of server messages, such as Cartesia's STT
 * WebSocket: the client sends JSON messages, text commands and binary audio; the server's
 * messages arrive decoded and in order on {@link #messages()}, readable as a blocking iterator,
 * a {@link java.util.concurrent.Flow.Publisher} or callbacks.
 *
 * <p>The messages end normally after the channel's {@link WebSocketChannel#lastMessage() last
 * message} (or, if it declares none, when the server closes the connection normally), and with a
 * typed exception when the server reports an error ({@link StreamErrorException}) or the
 * connection drops or closes before the last message ({@link ConnectionClosedException}). A frame
 * that cannot be decoded is reported on {@link MessageStream#decodeErrors()} and the messages go
 * on. Buffering is bounded as {@link MessageStream} describes.
 *
 * @param <S> the type of the JSON messages the client sends
 * @param <R> the type of the messages the server sends
 */
public final class WebSocketSession<S, R> implements AutoCloseable {

  private final WebSocketChannel<S, R> channel;
  private final StreamSettings settings;
  private final DeliveryExecutor delivery;
  private final WebSocketConnection connection;
  private final BufferedMessageStream<R> messages;
  private final AtomicLong frames = new AtomicLong();
  private volatile boolean sawLast;

  private WebSocketSession(
      ClientContext context,
      WebSocketChannel<S, R> channel,
      Map<String, String> query,
      StreamSettings settings) {
    this.channel = channel;
    settings = settings.withReceiveTimeoutDefault(context.options().timeout());
    this.settings = settings;
    this.delivery = DeliveryExecutor.of(settings);
    this.connection = new WebSocketConnection(context, channel, query);
    this.messages = new BufferedMessageStream<>(
        "the WebSocket " + connection.displayUrl(), settings, delivery, this::close);
  }

  /**
   * Opens the connection and waits for the handshake, with default {@link StreamSettings}. A
   * refused handshake becomes the {@code ApiException} of its status (401 unauthorized, 402
   * payment required, 403 forbidden, 404 not found, 429 rate limited), with a message that says
   * what to do; a failed connection a {@link TransportException}.
   */
  public static <S, R> WebSocketSession<S, R> connect(
      ClientContext context,
      WebSocketChannel<S, R> channel,
      Map<String, String> query,
      Duration handshakeTimeout) {
    return connect(
        context, channel, query, StreamSettings.defaults().withHandshakeTimeout(handshakeTimeout));
  }

  /** As {@link #connect(ClientContext, WebSocketChannel, Map, Duration)}, with the given settings. */
  public static <S, R> WebSocketSession<S, R> connect(
      ClientContext context,
      WebSocketChannel<S, R> channel,
      Map<String, String> query,
      StreamSettings settings) {
    WebSocketSession<S, R> session = new WebSocketSession<>(context, channel, query, settings);
    session.connection.connect(session.new Handler(), settings.handshakeTimeout(), () -> {});
    return session;
  }

  /** Sends a message as a JSON text frame. */
  public void send(S message) {
    connection.sendJson(message);
  }

  /** Sends a text frame, such as a command ({@code finalize}, {@code done} on Cartesia's STT). */
  public void sendText(String text) {
    connection.sendText(text);
  }

  /** Sends a binary frame, such as a chunk of raw audio. */
  public void sendBinary(byte[] bytes) {
    connection.sendBinary(ByteString.of(bytes));
  }

  /** Sends {@code length} bytes of {@code bytes} from {@code offset} as one binary frame. */
  public void sendBinary(byte[] bytes, int offset, int length) {
    connection.sendBinary(ByteString.of(bytes, offset, length));
  }

  /**
   * Bytes queued for sending and not yet written to the network; senders of long audio wait while
   * it is high (OkHttp fails a send that would queue more than 16 MiB).
   */
  public long queuedBytes() {
    return connection.queuedBytes();
  }

  /** The server's messages, in order; read them once, in one style. */
  public BufferedMessageStream<R> messages() {
    return messages;
  }

  /**
   * The next message from the server, waiting at most {@code timeout}. Empty once the server
   * closed the connection normally and every message before the close was taken.
   *
   * @throws SdkException if the connection failed, a frame could not be decoded, or nothing
   *     arrived in time ({@link ai.cartesia.core.errors.ReceiveTimeoutException})
   */
  public Optional<R> receive(Duration timeout) {
    return messages.receive(timeout);
  }

  /**
   * Closes the connection: sends a close frame, waits at most {@link
   * StreamSettings#closeTimeout()} for the server's answer, then cancels the socket. Messages
   * already received can still be taken. Idempotent.
   */
  @Override
  public void close() {
    messages.complete();
    connection.close(settings.closeTimeout());
  }

  @Override
  public String toString() {
    return "WebSocketSession{" + connection.displayUrl() + "}";
  }

  private final class Handler implements WebSocketConnection.Handler {
    @Override
    public void onText(String text) {
      R message;
      try {
        message = connection.decode(channel.decoder(), text, frames.incrementAndGet());
      } catch (StreamDecodeException e) {
        messages.reportDecodeError(e); // one lost frame; later transcripts still count
        return;
      }
      Optional<ServerError> error = channel.errorOf(message);
      if (error.isPresent()) {
        messages.fail(new StreamErrorException(
            connection.redact("the WebSocket " + connection.displayUrl() + " reported an error: "
                + error.get().message()),
            null,
            error.get().statusOrNull(),
            message));
        return;
      }
      messages.offer(message);
      if (channel.lastMessage().map(isLast -> isLast.test(message)).orElse(false)) {
        sawLast = true;
        messages.complete();
      }
    }

    @Override
    public void onClosed(int code, String reason) {
      boolean expected = channel.lastMessage().isEmpty() || sawLast;
      if (code == WebSocketConnection.NORMAL_CLOSURE && expected) {
        messages.complete();
      } else {
        messages.fail(new ConnectionClosedException(
            "the server closed the WebSocket " + connection.displayUrl()
                + " with code " + code + (reason.isEmpty() ? "" : " (" + reason + ")")
                + (expected ? "" : " before its last message"),
            code));
      }
    }

    @Override
    public void onFailure(SdkException failure) {
      messages.fail(failure);
    }
  }
}
