package ai.cartesia.benchmarks;

import ai.cartesia.Cartesia;
import ai.cartesia.TtsContext;
import ai.cartesia.TtsWebSocket;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.ws.FrameDecoder;
import ai.cartesia.internal.StreamDecoders;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TTS streaming end to end, on loopback: the time from the server writing a chunk frame (the
 * large chunk, 100 ms of pcm_f32le at 44.1 kHz: 17,640 bytes of audio) to the SDK handing its
 * audio bytes to the user, with 1 and with 50 concurrent contexts on one WebSocket.
 *
 * <p>The server is OkHttp's {@code MockWebServer} with a WebSocket upgrade; the benchmark drives its
 * server-side socket directly, sending pre-built frames. Each JMH thread is one context and its
 * consumer: it has the server send one frame for its context, then waits until the context
 * delivers it ({@code Mode.SampleTime}: every such round trip is one sample, hence p50 and p99).
 * {@code @Threads(50)} makes 50 contexts stream at once on the one socket.
 *
 * <ul>
 *   <li>{@code sdk1Context}, {@code sdk50Contexts}: the SDK: {@code
 *       Cartesia.builder()...build().tts().websocket()}, a {@link MultiplexedSession} that decodes
 *       each frame ({@code StreamDecoders.webSocketResponse}) on the connection's reader thread,
 *       routes it by {@code context_id} ({@code TtsWebsocketProtocol}) and hands it over through
 *       the context's buffer; each thread reads its context with {@code receive}.
 *   <li>{@code okHttp1Context}, {@code okHttp50Contexts} (baselines): the same frames over the same
 *       kind of loopback socket, received by a bare OkHttp {@code WebSocketListener} that does
 *       nothing but hand the {@code String} to the thread waiting for it (its queue, found from
 *       the context id at the end of the text, without parsing). The ratio shows what the SDK
 *       adds: decoding the JSON and the audio, routing, buffering.
 *   <li>{@code okHttpDecoding1Context}, {@code okHttpDecoding50Contexts}: the bare listener again,
 *       and the thread that gets the text decodes it with the SDK's decoder, so that it ends with
 *       the same audio bytes as the SDK: what the SDK adds beyond decoding (routing, buffering,
 *       its typed errors and events).
 * </ul>
 *
 * <p>Audio throughput is derived in the results table from the mean round trip: with {@code T}
 * threads each delivering one chunk after the other, {@code T * 17,640 bytes / mean}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EndToEndStreamingBenchmark {

  static final int AUDIO_BYTES = ChunkFrames.LARGE_AUDIO_BYTES;
  static final byte[] AUDIO = ChunkFrames.audio(AUDIO_BYTES);
  /** Longer than any sane round trip: a lost frame fails the run instead of hanging it. */
  static final Duration WAIT = Duration.ofSeconds(10);

  /**
   * The server side of one loopback WebSocket: a {@link MockWebServer} with one upgrade queued,
   * whose accepted sockets have Nagle's algorithm off ({@code TCP_NODELAY}), as streaming servers
   * set them. MockWebServer leaves it on, and then a frame written in several segments (Okio
   * writes 8 KiB at a time) meets the client's delayed ACK: a 40 ms stall on a tenth of the
   * frames on Linux, in the baseline as much as in the SDK, which would hide everything else.
   */
  static final class LoopbackServer implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final CompletableFuture<WebSocket> socket = new CompletableFuture<>();

    LoopbackServer() throws IOException {
      server.setServerSocketFactory(new NoDelayServerSockets());
      server.enqueue(new MockResponse.Builder()
          .webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
              socket.complete(webSocket);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
              webSocket.close(1000, null);
            }
          })
          .build());
      server.start();
    }

    String url() {
      return server.url("/").toString();
    }

    /** The server's end of the socket, once the client has connected. */
    WebSocket socket() throws Exception {
      return socket.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /** Server sockets whose accepted connections have {@code TCP_NODELAY} set. */
  static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = new Socket();
      implAccept(socket);
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  /** One SDK session (one socket) shared by all threads: {@code client.tts().websocket()}. */
  @State(Scope.Benchmark)
  public static class SdkSocket {
    LoopbackServer loopback;
    Cartesia client;
    TtsWebSocket session;
    WebSocket server;
    final AtomicInteger contexts = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws Exception {
      loopback = new LoopbackServer();
      client = Cartesia.builder().apiKey("sk_benchmark").baseUrl(loopback.url()).build();
      session = client.tts().websocket();
      server = loopback.socket();
    }

    @TearDown(Level.Trial)
    public void close() {
      if (session != null) session.close();
      if (client != null) client.close(); // frees the SDK's OkHttp threads and connections
      if (loopback != null) loopback.close();
    }
  }

  /** Each thread's context, and the frame the server sends for it. */
  @State(Scope.Thread)
  public static class SdkContext {
    TtsContext context;
    String frame;

    @Setup(Level.Trial)
    public void open(SdkSocket socket) {
      context = socket.session.context("context-" + socket.contexts.incrementAndGet());
      frame = ChunkFrames.frame(AUDIO, context.id());
    }
  }

  /**
   * One bare OkHttp WebSocket whose listener only hands each frame to the thread waiting for it:
   * it finds the frame's context from the end of the text (the frames end with {@code
   * "context_id":"<id>"}}), without parsing, and puts the {@code String} in that thread's queue.
   */
  @State(Scope.Benchmark)
  public static class BareSocket {
    LoopbackServer loopback;
    OkHttpClient client;
    WebSocket clientSocket;
    WebSocket server;
    final Map<String, BlockingQueue<String>> waiting = new ConcurrentHashMap<>();
    final AtomicInteger contexts = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws Exception {
      loopback = new LoopbackServer();
      client = new OkHttpClient();
      CompletableFuture<Void> opened = new CompletableFuture<>();
      clientSocket = client.newWebSocket(
          new Request.Builder().url(loopback.url()).build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
              opened.complete(null);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
              waiting.get(contextAtEnd(text)).add(text);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
              opened.completeExceptionally(t);
            }
          });
      opened.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      server = loopback.socket();
    }

    @TearDown(Level.Trial)
    public void close() {
      if (clientSocket != null) clientSocket.close(1000, null);
      if (client != null) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
      }
      if (loopback != null) loopback.close();
    }
  }

  /** The context id a frame of {@link ChunkFrames#frame(byte[], String)} ends with. */
  static String contextAtEnd(String frame) {
    int end = frame.length() - 2; // before "}
    return frame.substring(frame.lastIndexOf('"', end - 1) + 1, end);
  }

  /** Each thread's context on the bare socket: its queue, and the frame the server sends for it. */
  @State(Scope.Thread)
  public static class BareContext {
    final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
    String frame;

    @Setup(Level.Trial)
    public void open(BareSocket socket) {
      String id = "context-" + socket.contexts.incrementAndGet();
      socket.waiting.put(id, delivered);
      frame = ChunkFrames.frame(AUDIO, id);
    }
  }

  @Benchmark
  @Threads(1)
  @AudioPerOp(bytes = AUDIO_BYTES)
  public byte[] sdk1Context(SdkSocket socket, SdkContext context) {
    return sdkRoundTrip(socket, context);
  }

  @Benchmark
  @Threads(50)
  @AudioPerOp(bytes = AUDIO_BYTES)
  public byte[] sdk50Contexts(SdkSocket socket, SdkContext context) {
    return sdkRoundTrip(socket, context);
  }

  @Benchmark
  @Threads(1)
  public byte[] okHttpDecoding1Context(BareSocket socket, BareContext context)
      throws IOException, InterruptedException {
    return decode(bareRoundTrip(socket, context));
  }

  @Benchmark
  @Threads(50)
  public byte[] okHttpDecoding50Contexts(BareSocket socket, BareContext context)
      throws IOException, InterruptedException {
    return decode(bareRoundTrip(socket, context));
  }

  @Benchmark
  @Threads(1)
  @Baseline
  public String okHttp1Context(BareSocket socket, BareContext context) throws InterruptedException {
    return bareRoundTrip(socket, context);
  }

  @Benchmark
  @Threads(50)
  @Baseline
  public String okHttp50Contexts(BareSocket socket, BareContext context)
      throws InterruptedException {
    return bareRoundTrip(socket, context);
  }

  /** The SDK's decoder of TTS WebSocket frames, as the SDK's session uses it. */
  static final FrameDecoder<WebSocketResponse> DECODER =
      StreamDecoders.webSocketResponse(Json.mapper());

  /** The audio of a chunk frame, decoded as the SDK decodes it. */
  static byte[] decode(String frame) throws IOException {
    return ((WebSocketChunkResponse) DECODER.decode(frame)).data();
  }

  static byte[] sdkRoundTrip(SdkSocket socket, SdkContext context) {
    if (!socket.server.send(context.frame))
      throw new IllegalStateException("the server socket is closed");
    WebSocketResponse message = context
        .context
        .receive(WAIT)
        .orElseThrow(() -> new IllegalStateException("context " + context.context.id() + " ended"));
    return ((WebSocketChunkResponse) message).data();
  }

  static String bareRoundTrip(BareSocket socket, BareContext context) throws InterruptedException {
    if (!socket.server.send(context.frame))
      throw new IllegalStateException("the server socket is closed");
    String text = context.delivered.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (text == null) throw new IllegalStateException("no frame within " + WAIT);
    return text;
  }
}
