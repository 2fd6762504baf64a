package ai.cartesia.core.internal.ws;

import ai.cartesia.core.errors.ConnectionClosedException;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamDecodeException;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.internal.observe.ContextObservation;
import ai.cartesia.core.internal.observe.Observer;
import ai.cartesia.core.internal.stream.ServerError;
import ai.cartesia.core.ws.MessageStream;
import ai.cartesia.core.ws.StreamSettings;
import ai.cartesia.core.ws.Unrouted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One WebSocket carrying many concurrent contexts, routed by a key, such as Cartesia's TTS
 * WebSocket with its {@code context_id}. The {@link ContextProtocol} says how messages name their
 * context, which one is a context's last, and how to cancel one.
 *
 * <p>Each server message goes to the open context it names. A message that names no open context
 * (no key, or a context that finished or was never opened here) goes to {@link #unrouted()}:
 * nothing is dropped silently. A frame that cannot be decoded is reported as a {@link
 * StreamDecodeException} on the {@link MessageStream#decodeErrors()} of the context it names, or
 * of {@link #unrouted()} when it names none, and everything goes on. A server error message for a
 * context ends that context with a {@link ai.cartesia.core.errors.StreamErrorException}; other
 * contexts go on.
 *
 * <p>When the connection ends, for whatever reason, every context still open ends with a {@link
 * ConnectionClosedException} after the messages it had received. A context that ended early
 * (overflow, decode error, cancel) keeps its id reserved until its last message arrives, and its
 * later messages are discarded and counted, since the server may still be generating it.
 *
 * @param <S> the type of the client's messages
 * @param <R> the type of the server's messages
 */
public final class MultiplexedSession<S, R> implements AutoCloseable {

  private final WebSocketChannel<S, R> channel;
  private final ContextProtocol<S, R> protocol;
  private final StreamSettings settings;
  private final DeliveryExecutor delivery;
  private final WebSocketConnection connection;
  private final Observer observer;
  private final BufferedMessageStream<Unrouted<R>> unrouted;
  private final Map<String, MultiplexedContext<S, R>> contexts = new ConcurrentHashMap<>();
  private final AtomicLong frames = new AtomicLong();
  /** Guards opening contexts against the session ending at the same time. */
  private final Object lifecycle = new Object();
  /** Why the session ended; null while it is open. */
  private SdkException endReason;

  private MultiplexedSession(
      ClientContext context,
      WebSocketChannel<S, R> channel,
      ContextProtocol<S, R> protocol,
      Map<String, String> query,
      StreamSettings settings) {
    this.channel = channel;
    this.protocol = protocol;
    settings = settings.withReceiveTimeoutDefault(context.options().timeout());
    this.settings = settings;
    this.delivery = DeliveryExecutor.of(settings);
    this.connection = new WebSocketConnection(context, channel, query);
    this.observer = context.observer();
    this.unrouted = new BufferedMessageStream<>(
        "the unrouted messages of " + connection.displayUrl(), settings, delivery, () -> {});
  }

  /**
   * Opens the connection with default {@link StreamSettings} and waits at most {@code
   * handshakeTimeout} for the handshake; see {@link #connect(ClientContext, WebSocketChannel,
   * ContextProtocol, Map, StreamSettings)}.
   */
  public static <S, R> MultiplexedSession<S, R> connect(
      ClientContext context,
      WebSocketChannel<S, R> channel,
      ContextProtocol<S, R> protocol,
      Map<String, String> query,
      Duration handshakeTimeout) {
    return connect(
        context,
        channel,
        protocol,
        query,
        StreamSettings.defaults().withHandshakeTimeout(handshakeTimeout));
  }

  /**
   * Opens the connection and waits for the handshake. A refused handshake becomes the {@code
   * ApiException} of its status (401, 402, 403, 404, 429, ...) with a message that says what to
   * do; a failed connection a {@link ai.cartesia.core.errors.TransportException}.
   */
  public static <S, R> MultiplexedSession<S, R> connect(
      ClientContext context,
      WebSocketChannel<S, R> channel,
      ContextProtocol<S, R> protocol,
      Map<String, String> query,
      StreamSettings settings) {
    MultiplexedSession<S, R> session =
        new MultiplexedSession<>(context, channel, protocol, query, settings);
    session.connection.connect(session.new Handler(), settings.handshakeTimeout(), () -> {});
    return session;
  }

  /** Opens a context with a new random (UUID) id. */
  public MultiplexedContext<S, R> context() {
    return context(UUID.randomUUID().toString());
  }

  /**
   * Opens the context {@code id}. Opening only reserves the id here; the server learns of the
   * context with its first message.
   *
   * @throws IllegalArgumentException if a context with this id is open (or still draining) here
   * @throws ConnectionClosedException if the session has ended
   */
  public MultiplexedContext<S, R> context(String id) {
    if (id == null || id.isEmpty())
      throw new IllegalArgumentException("a context id cannot be empty");
    synchronized (lifecycle) {
      if (endReason != null) {
        throw new ConnectionClosedException(
            "cannot open context " + id + ": the session " + connection.displayUrl()
                + " has ended; open a new session",
            endReason);
      }
      MultiplexedContext<S, R> created = new MultiplexedContext<>(id, this, settings, delivery);
      if (contexts.putIfAbsent(id, created) != null) {
        throw new IllegalArgumentException("context " + id + " is already open on "
            + connection.displayUrl() + "; use another id, or context() for a new random one");
      }
      return created;
    }
  }

  /**
   * What arrived for no open context, and frames that could be neither decoded nor routed, in
   * order. Bounded like every stream; read it or not, it never holds up the contexts.
   */
  public BufferedMessageStream<Unrouted<R>> unrouted() {
    return unrouted;
  }

  /** The ids of the contexts open (or draining) on this session now. */
  public Set<String> contextIds() {
    return Set.copyOf(contexts.keySet());
  }

  public boolean isOpen() {
    synchronized (lifecycle) {
      return endReason == null;
    }
  }

  /**
   * Closes the connection: every context still open ends with a {@link
   * ConnectionClosedException} (after its received messages), the unrouted channel ends normally,
   * the socket is closed within {@link StreamSettings#closeTimeout()}, and the delivery threads
   * are let go. Idempotent.
   */
  @Override
  public void close() {
    end(
        id -> new ConnectionClosedException(
            "context " + id + " did not finish: its session " + connection.displayUrl()
                + " was closed by the caller",
            null),
        null);
    connection.close(settings.closeTimeout());
  }

  @Override
  public String toString() {
    return "MultiplexedSession{" + connection.displayUrl() + ", " + contexts.size()
        + " open contexts}";
  }

  ContextProtocol<S, R> protocol() {
    return protocol;
  }

  String displayUrl() {
    return connection.displayUrl();
  }

  /** A new timeline of the context {@code id}, reported to the client's listeners. */
  ContextObservation observe(String id) {
    return new ContextObservation(observer, id, connection.displayUrl());
  }

  String redact(String text) {
    return connection.redact(text);
  }

  /** Frees the id of a context the server will send nothing more for. */
  void forget(MultiplexedContext<S, R> context) {
    contexts.remove(context.id(), context);
  }

  void send(S message) {
    connection.sendJson(message);
  }

  /** Sends if the connection is still up; a cancel on a closed connection has nothing to cancel. */
  void sendQuietly(S message) {
    try {
      connection.sendJson(message);
    } catch (ConnectionClosedException closed) {
      // the context ends with its session anyway
    }
  }

  /**
   * Ends the session once: each open context fails with the exception {@code perContext} makes for
   * it, and the unrouted channel ends with {@code sessionFailure} (normally if null).
   */
  private void end(Function<String, SdkException> perContext, SdkException sessionFailure) {
    List<MultiplexedContext<S, R>> open;
    synchronized (lifecycle) {
      if (endReason != null) return;
      endReason = sessionFailure != null
          ? sessionFailure
          : new ConnectionClosedException(
              "the session " + connection.displayUrl() + " is closed", null);
      open = new ArrayList<>(contexts.values());
      contexts.clear();
    }
    for (MultiplexedContext<S, R> context : open) context.end(perContext.apply(context.id()));
    if (sessionFailure == null) {
      unrouted.complete();
    } else {
      unrouted.fail(sessionFailure);
    }
  }

  private final class Handler implements WebSocketConnection.Handler {
    @Override
    public void onText(String text) {
      R message;
      try {
        message = connection.decode(channel.decoder(), text, frames.incrementAndGet());
      } catch (StreamDecodeException e) {
        MultiplexedContext<S, R> owner =
            protocol.contextOfUndecodable(text).map(contexts::get).orElse(null);
        if (owner != null) {
          owner.reportDecodeError(e);
        } else {
          unrouted.reportDecodeError(e);
        }
        return;
      }
      try {
        route(message);
      } catch (RuntimeException e) {
        // A faulty protocol must not kill the reader thread, and with it every context.
        unrouted.offer(Unrouted.failed(new SdkException(
            redact("cannot route frame " + frames.get() + " from " + connection.displayUrl() + ": "
                + e),
            e)));
      }
    }

    private void route(R message) {
      Optional<String> id = protocol.contextOf(message);
      MultiplexedContext<S, R> owner = id.map(contexts::get).orElse(null);
      if (owner == null) {
        unrouted.offer(Unrouted.of(message));
        return;
      }
      boolean last = protocol.isLast(message);
      if (last) contexts.remove(id.get(), owner);
      owner.accept(message, last, errorOf(message));
    }

    /** The channel's reading of an error, or else the protocol's (which has no status). */
    private Optional<ServerError> errorOf(R message) {
      Optional<ServerError> error = channel.errorOf(message);
      return error.isPresent() ? error : protocol.errorOf(message).map(ServerError::of);
    }

    @Override
    public void onClosed(int code, String reason) {
      String how = "code " + code + (reason.isEmpty() ? "" : " (" + reason + ")");
      SdkException sessionFailure = code == WebSocketConnection.NORMAL_CLOSURE
          ? null
          : new ConnectionClosedException(
              "the server closed " + connection.displayUrl() + " with " + how, code);
      end(
          id -> new ConnectionClosedException(
              "context " + id + " did not finish: the server closed " + connection.displayUrl()
                  + " with " + how,
              code),
          sessionFailure);
    }

    @Override
    public void onFailure(SdkException failure) {
      end(
          id -> new ConnectionClosedException(
              "context " + id + " did not finish: " + failure.getMessage(), failure),
          failure);
    }
  }
}
