package ai.cartesia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback fake of the Cartesia API, so code that uses the SDK (or any other client) can be
 * tested offline, quickly and deterministically, speaking the wire protocol of API version
 * 2024-11-13 in raw JSON. It serves:
 *
 * <ul>
 *   <li>the TTS WebSocket ({@code /tts/websocket}), the STT WebSocket ({@code /stt/websocket})
 *       and TTS Server-Sent Events ({@code POST /tts/sse}), with the audio of {@link FakeAudio};
 *   <li>{@code POST /tts/bytes}: the same audio, raw, in a WAV file or (not playable) as mp3
 *       bytes ({@link FakeAudio#wav} says which);
 *   <li>{@code POST /stt}: batch transcription of a WAV file or of raw audio, by the rule of
 *       {@link FakeTranscript} (one word a 100 ms), which the STT WebSocket follows too;
 *   <li>{@code GET /voices} (cursor-paged, filtered) and {@code GET /voices/{id}} over the
 *       catalogue of {@link FakeVoices}; an id not in it gets the API's 404 error JSON;
 *   <li>{@code GET /}, the API status.
 * </ul>
 *
 * <p>Audio, transcripts and voices are pure functions of what is asked, so a test knows what it
 * must receive. Paths are matched by their non-empty segments ({@code //tts/websocket} from a
 * base URL ending with a slash is {@code /tts/websocket}); an unknown path is 404, and an
 * operation of the API the fake does not serve (such as {@code POST /voices/clone}) 501. On a known
 * path the fake checks the API key ({@code api_key} query parameter or {@code X-API-Key} header;
 * a wrong one is refused with 401) and the version ({@code cartesia_version} or {@code
 * Cartesia-Version}; 400 otherwise). Errors are JSON ({@code error_code}, {@code title}, {@code
 * message}, {@code error}), and every HTTP answer carries an {@code X-Request-Id}. {@link Faults}
 * make it drop connections, send malformed or unknown frames, slow down, refuse handshakes, or
 * answer HTTP calls with an error status (429 and 503 with {@code Retry-After}); a transcript
 * containing {@link #FAILING_TRANSCRIPT} fails its generation. Point the client's base URL at
 * {@link #baseUrl()}.
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
   * StreamErrorException}); over SSE the stream's one event is an {@code error}; {@code POST
   * /tts/bytes} answers 500.
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
  private volatile FaultState faults;

  private FakeCartesiaServer(Builder builder) {
    this.apiKey = builder.apiKey;
    this.version = builder.version;
    this.chunksPerGeneration = builder.chunksPerGeneration;
    this.chunkBytes = builder.chunkBytes;
    this.faults = new FaultState(builder.faults);
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
    return faults.faults;
  }

  /**
   * Replaces the faults: connections opened from now on get them, and the count of HTTP
   * failures ({@link Faults#failHttpWith(int, int)}) starts again.
   */
  public void faults(Faults faults) {
    this.faults = new FaultState(Objects.requireNonNull(faults, "faults"));
  }

  /** The status to fail this HTTP request with, or 0 to serve it; counts the failure. */
  int takeHttpFailure() {
    return faults.takeHttpFailure();
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

  /** The faults in force, and how many HTTP failures they have left to give. */
  private static final class FaultState {
    final Faults faults;
    private final AtomicInteger httpFailuresLeft;

    FaultState(Faults faults) {
      this.faults = faults;
      this.httpFailuresLeft =
          new AtomicInteger(faults.failHttpStatus() == 0 ? 0 : faults.failHttpCount());
    }

    int takeHttpFailure() {
      if (faults.failHttpStatus() == 0) return 0;
      if (faults.failHttpCount() == Integer.MAX_VALUE) return faults.failHttpStatus();
      return httpFailuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0
          ? faults.failHttpStatus()
          : 0;
    }
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
      if (bytes < 4 || bytes % 4 != 0)
        throw new IllegalArgumentException("chunkBytes must be a positive multiple of 4");
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
        throw new UncheckedIOException(
            "cannot start the fake Cartesia server: " + e.getMessage(), e);
      }
      return fake;
    }
  }
}
