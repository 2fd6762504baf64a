package ai.cartesia.core.observe;

import static ai.cartesia.core.testing.Secrets.API_KEY;
import static ai.cartesia.core.testing.Secrets.assertNoKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.errors.NotFoundException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.testing.CapturedLog;
import ai.cartesia.core.testing.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** HTTP calls as a listener and the log see them: starts, ends, retries, failures, and never the key. */
@Timeout(30)
class ObservedCallsTest {

  interface Items {
    @GET("items/{id}")
    Call<Map<String, Object>> get(@Path("id") String id);

    @GET("search")
    Call<Map<String, Object>> search(@Query("api_key") String key, @Query("q") String query);
  }

  private final MockWebServer server = new MockWebServer();
  private final RecordingListener listener = new RecordingListener();
  private ClientContext client;
  private Items items;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = client(ClientOptions.builder().listener(listener));
  }

  private ClientContext client(ClientOptions.Builder options) {
    ClientContext context = ClientContext.create(options
        .baseUrl(server.url("/v1").toString())
        .apiKey(API_KEY)
        .apiKeyHeader("X-API-Key")
        .build());
    items = context.service(Items.class);
    return context;
  }

  @AfterEach
  void stop() {
    assertNoKey(listener.events().toArray());
    client.close();
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void aPlainCallIsOneStartAndOneEndWithItsStatusAndPathTemplate() {
    server.enqueue(json(200, "{\"id\":\"a\"}"));

    assertThat(client.calls().execute(items.get("a"))).containsEntry("id", "a");

    assertThat(listener.events()).hasSize(2);
    RequestStarted started = listener.of(RequestStarted.class).get(0);
    assertThat(started.method()).isEqualTo("GET");
    assertThat(started.url()).isEqualTo(server.url("/v1/items/a").toString());
    assertThat(started.pathTemplate()).contains("items/{id}");
    RequestEnded ended = listener.of(RequestEnded.class).get(0);
    assertThat(ended.request()).isSameAs(started);
    assertThat(ended.status()).isEqualTo(OptionalInt.of(200));
    assertThat(ended.failure()).isEmpty();
    assertThat(ended.duration()).isPositive();
  }

  @Test
  void aRetriedCallIsTwoRequestsWithARetryBetween() {
    server.enqueue(new MockResponse.Builder()
        .code(503)
        .setHeader("retry-after-ms", "0")
        .body("busy")
        .build());
    server.enqueue(json(200, "{\"id\":\"a\"}"));

    client.calls().execute(items.get("a"));

    assertThat(listener.events())
        .as(listener.events().toString())
        .extracting(event -> event.getClass().getSimpleName())
        .containsExactly(
            "RequestStarted", "RequestEnded", "RetryScheduled", "RequestStarted", "RequestEnded");
    assertThat(listener.of(RequestEnded.class))
        .extracting(RequestEnded::status)
        .containsExactly(OptionalInt.of(503), OptionalInt.of(200));
    RetryScheduled retry = listener.of(RetryScheduled.class).get(0);
    assertThat(retry.retry()).isEqualTo(1);
    assertThat(retry.delay()).isEqualTo(Duration.ZERO);
    assertThat(retry.status()).isEqualTo(OptionalInt.of(503));
    assertThat(retry.cause()).isEqualTo("status 503");
    assertThat(retry.pathTemplate()).contains("items/{id}");
  }

  @Test
  void anAsyncRetryIsReportedTheSameWay() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(429).setHeader("retry-after-ms", "0").build());
    server.enqueue(json(200, "{}"));

    client.calls().executeAsync(items.get("b")).get(10, TimeUnit.SECONDS);

    assertThat(listener.of(RetryScheduled.class))
        .singleElement()
        .satisfies(retry -> assertThat(retry.status()).isEqualTo(OptionalInt.of(429)));
    assertThat(listener.of(RequestEnded.class))
        .extracting(RequestEnded::status)
        .containsExactly(OptionalInt.of(429), OptionalInt.of(200));
  }

  @Test
  void anErrorStatusEndsTheRequestWithThatStatus() {
    server.enqueue(json(404, "{\"message\":\"no item\"}"));

    assertThatThrownBy(() -> client.calls().execute(items.get("missing")))
        .isInstanceOf(NotFoundException.class);

    assertThat(listener.of(RequestEnded.class))
        .singleElement()
        .satisfies(ended -> assertThat(ended.status()).isEqualTo(OptionalInt.of(404)));
    assertThat(listener.of(RetryScheduled.class)).isEmpty();
  }

  @Test
  void aDroppedConnectionEndsTheRequestWithItsFailureAndIsRetried() {
    client.close();
    client = client(ClientOptions.builder().listener(listener).maxRetries(1));
    server.enqueue(new MockResponse.Builder()
        .onRequestStart(new SocketEffect.CloseSocket())
        .build());
    server.enqueue(new MockResponse.Builder()
        .onRequestStart(new SocketEffect.CloseSocket())
        .build());

    assertThatThrownBy(() -> client.calls().execute(items.get("a")))
        .isInstanceOf(TransportException.class);

    List<RequestEnded> ends = listener.of(RequestEnded.class);
    assertThat(ends).hasSize(2).allSatisfy(ended -> {
      assertThat(ended.status()).isEmpty();
      assertThat(ended.failure()).isPresent();
    });
    assertThat(listener.of(RetryScheduled.class))
        .singleElement()
        .satisfies(retry -> assertThat(retry.status()).isEmpty());
  }

  @Test
  void aListenerThatThrowsBreaksNoCallAndIsLogged() {
    client.close();
    CartesiaListener faulty = new CartesiaListener() {
      @Override
      public void onRequestStart(RequestStarted request) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void onRequestEnd(RequestEnded response) {
        throw new AssertionError("listener assertion");
      }
    };
    client = client(ClientOptions.builder().listener(faulty).listener(listener));
    server.enqueue(json(200, "{\"id\":\"a\"}"));

    try (CapturedLog log = CapturedLog.at(Level.INFO)) {
      assertThat(client.calls().execute(items.get("a"))).containsEntry("id", "a");

      assertThat(log.records()).extracting(record -> record.getLevel()).containsOnly(Level.WARNING);
      assertThat(log.lines()).hasSize(2);
      assertThat(log.lines().get(0)).contains("threw in onRequestStart").contains("listener bug");
      assertThat(log.lines().get(1))
          .contains("threw in onRequestEnd")
          .contains("listener assertion");
    }
    // The listener after the faulty one still hears everything.
    assertThat(listener.events()).hasSize(2);
  }

  @Test
  void theApiKeyQueryValueIsRedactedInEventsAndLogs() {
    client.close();
    client = client(ClientOptions.builder().listener(listener).logLevel(LogLevel.DEBUG));
    server.enqueue(json(200, "{}"));

    try (CapturedLog log = CapturedLog.at(Level.INFO)) {
      client.calls().execute(items.search("other_secret_value", "hello"));

      assertThat(log.lines())
          .isNotEmpty()
          .noneMatch(line -> line.contains("other_secret_value") || line.contains(API_KEY));
      assertThat(String.join("\n", log.lines()))
          .contains("X-API-Key: [redacted]")
          .contains("api_key=[redacted]");
    }
    assertThat(listener.of(RequestStarted.class).get(0).url())
        .contains("api_key=[redacted]")
        .contains("q=hello")
        .doesNotContain("other_secret_value");
  }

  @Test
  void nothingIsLoggedUnlessEnabled() {
    server.enqueue(json(200, "{}"));
    try (CapturedLog log = CapturedLog.at(Level.INFO)) {
      client.calls().execute(items.get("a"));
      assertThat(log.records()).isEmpty();
    }
  }

  @Test
  void infoLogsOneLinePerResponseAndEachRetryButNoHeaders() {
    client.close();
    client = client(ClientOptions.builder().logLevel(LogLevel.INFO));
    server.enqueue(
        new MockResponse.Builder().code(503).setHeader("retry-after-ms", "0").build());
    server.enqueue(json(200, "{}"));

    try (CapturedLog log = CapturedLog.at(Level.INFO)) {
      client.calls().execute(items.get("a"));

      assertThat(log.records()).extracting(record -> record.getLevel()).containsOnly(Level.INFO);
      assertThat(log.lines()).hasSize(3);
      assertThat(log.lines().get(0)).startsWith("INFO <-- 503 GET " + server.url("/v1/items/a"));
      assertThat(log.lines().get(1)).startsWith("INFO retry 1 of GET").contains("after status 503");
      assertThat(log.lines().get(2)).startsWith("INFO <-- 200 GET");
      assertThat(String.join("\n", log.lines()))
          .doesNotContain("X-API-Key")
          .doesNotContain(API_KEY);
    }
  }

  @Test
  void theBackendAloneCanEnableTheLogAtItsDebugLevels() {
    server.enqueue(json(200, "{}"));
    try (CapturedLog log = CapturedLog.at(Level.FINEST)) {
      client.calls().execute(items.get("a"));

      // The SDK's debug lines at TRACE (JUL FINER), its info lines at DEBUG (JUL FINE).
      assertThat(log.records())
          .extracting(record -> record.getLevel())
          .containsExactly(Level.FINER, Level.FINER, Level.FINE);
      assertThat(log.lines().get(0))
          .contains("--> GET")
          .contains("X-API-Key: [redacted]")
          .doesNotContain(API_KEY);
    }
  }
}
