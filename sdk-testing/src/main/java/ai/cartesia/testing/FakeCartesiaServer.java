package ai.cartesia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback fake of Cartesia's streaming endpoints, so code that uses the SDK can be tested
 * offline, quickly and deterministically: the TTS WebSocket ({@code /tts/websocket}), the STT
 * WebSocket ({@code /stt/websocket}) and TTS Server-Sent Events ({@code POST /tts/sse}), speaking
 * the wire protocol of API version 2024-11-13 in raw JSON.
 *
 * <p>Audio is a pure function of the transcript ({@link FakeAudio}), so a test knows the bytes it
 * must receive. The fake checks the API key ({@code api_key} query parameter or {@code X-API-Key}
 * header; a wrong one is refused with 401) and the version ({@code cartesia_version} or {@code
 * Cartesia-Version}; 400 otherwise). {@link Faults} make it drop connections, send malformed or
 * unknown frames, slow down, or refuse handshakes; a transcript containing {@link
 * #FAILING_TRANSCRIPT} fails its generation. Point the client's base URL at {@link #baseUrl()}.
 *
 * <pre>{@code
 * try (FakeCartesiaServer fake = FakeCartesiaServer.start()) {
 *   Cartesia client = Cartesia.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
 *   ...
 * }
 * }</pre>
 */
public final class FakeCartesiaServer implements AutoCloseable {

  /**
   * A transcript containing this fails its generation, to test error paths: on the TTS WebSocket
   * the context gets an {@code error} message (the SDK ends it with a {@code
   * StreamErrorException}); over SSE the stream's one event is an {@code error}.
   */
  public static final String FAILING_TRANSCRIPT = "[error]";

  /** The key the fake accepts unless told another. */
  public static final String DEFAULT_API_KEY = "sk_test_fake_cartesia";

  /** The API version the fake speaks unless told another. */
  public static final String DEFAULT_VERSION = "2024-11-13";

  private final MockWebServer server = new MockWebServer();
  private final RecordingSockets sockets = new RecordingSockets();
  private final Routes routes;
  private final String apiKey;
  private final String version;
  private final int chunksPerGeneration;
  private final int chunkBytes;
  private volatile Faults faults;

  private FakeCartesiaServer(Builder builder) {
    this.apiKey = builder.apiKey;
    this.version = builder.version;
    this.chunksPerGeneration = builder.chunksPerGeneration;
    this.chunkBytes = builder.chunkBytes;
    this.faults = builder.faults;
    this.routes = new Routes(this, connection -> () -> sockets.drop(connection));
    server.setServerSocketFactory(sockets);
    server.setDispatcher(routes);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A fake with the defaults, listening on a free loopback port. */
  public static FakeCartesiaServer start() {
    return builder().start();
  }

  /** The base URL to give the client, such as {@code http://127.0.0.1:54321/}. */
  public String baseUrl() {
    return server.url("/").toString();
  }

  public String apiKey() {
    return apiKey;
  }

  public String version() {
    return version;
  }

  /** How many chunks each generation request with a transcript is answered with. */
  public int chunksPerGeneration() {
    return chunksPerGeneration;
  }

  /** How many bytes of audio each chunk holds. */
  public int chunkBytes() {
    return chunkBytes;
  }

  public Faults faults() {
    return faults;
  }

  /** Replaces the faults; connections opened from now on get them. */
  public void faults(Faults faults) {
    this.faults = Objects.requireNonNull(faults, "faults");
  }

  /** The next request the fake received (handshakes included), waiting at most {@code timeout}; null if none. */
  public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
    return server.takeRequest(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many requests (handshakes included) the fake has received. */
  public int requestCount() {
    return server.getRequestCount();
  }

  /**
   * How many TCP connections clients have opened to the fake; a client that reuses pooled
   * connections opens fewer than it makes requests.
   */
  public int connectionCount() {
    return sockets.count();
  }

  /** Drops every open connection at once, as a network failure would. */
  public void dropAllConnections() {
    sockets.dropAll();
  }

  /** Drops every connection and stops listening. */
  @Override
  public void close() {
    routes.shutdown();
    sockets.dropAll();
    server.close();
  }

  @Override
  public String toString() {
    return "FakeCartesiaServer{" + baseUrl() + "}";
  }

  static MockResponse errorResponse(int status, String message) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
        .body("{\"error\":" + Json.quote(message) + ",\"message\":" + Json.quote(message) + "}").build();
  }

  /** How the fake behaves; {@link #start()} opens it. */
  public static final class Builder {
    private String apiKey = DEFAULT_API_KEY;
    private String version = DEFAULT_VERSION;
    private int chunksPerGeneration = 3;
    private int chunkBytes = 320;
    private Faults faults = Faults.none();

    private Builder() {}

    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    public Builder version(String version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    public Builder chunksPerGeneration(int chunks) {
      if (chunks < 1) throw new IllegalArgumentException("at least one chunk per generation");
      this.chunksPerGeneration = chunks;
      return this;
    }

    /** Bytes per chunk; a multiple of 4 keeps every chunk whole frames in any raw encoding. */
    public Builder chunkBytes(int bytes) {
      if (bytes < 4 || bytes % 4 != 0) throw new IllegalArgumentException("chunkBytes must be a positive multiple of 4");
      this.chunkBytes = bytes;
      return this;
    }

    public Builder faults(Faults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** Starts the fake on a free port of the loopback interface. */
    public FakeCartesiaServer start() {
      FakeCartesiaServer fake = new FakeCartesiaServer(this);
      try {
        fake.server.start(InetAddress.getLoopbackAddress(), 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the fake Cartesia server: " + e.getMessage(), e);
      }
      return fake;
    }
  }
}
