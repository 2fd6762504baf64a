package ai.cartesia;

import static ai.cartesia.WireSupport.API_KEY;
import static ai.cartesia.WireSupport.VOICE_ID;
import static ai.cartesia.WireSupport.authenticated;
import static ai.cartesia.WireSupport.requests;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.errors.NotFoundException;
import ai.cartesia.core.errors.RateLimitException;
import ai.cartesia.core.http.BinaryResponse;
import ai.cartesia.core.sse.EventStream;
import ai.cartesia.model.Mp3OutputFormat;
import ai.cartesia.model.RawEncoding;
import ai.cartesia.model.SseOutputFormat;
import ai.cartesia.model.TtsRequest;
import ai.cartesia.model.TtsRequestIdSpecifier;
import ai.cartesia.model.TtsSseRequest;
import ai.cartesia.model.Voice;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketDoneResponse;
import ai.cartesia.model.WebSocketResponse;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code *Async} variants: results, errors, and cancellation that aborts the request. */
@Timeout(30)
class AsyncOperationsTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String VOICE =
      "{\"id\":\"" + VOICE_ID + "\",\"is_owner\":true,\"name\":\"Sarah\","
          + "\"description\":\"d\",\"created_at\":\"2024-11-13T07:06:22.476564Z\",\"language\":\"en\"}";

  private static TtsRequest ttsRequest() {
    return TtsRequest.builder()
        .modelId("sonic-2")
        .transcript("Hello")
        .voice(TtsRequestIdSpecifier.builder().id(VOICE_ID).build())
        .outputFormat(
            Mp3OutputFormat.builder().sampleRate(44100).bitRate(128000).build())
        .build();
  }

  /** Waits for a condition that another thread makes true, up to a deadline. */
  private static boolean eventually(Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) return true;
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    return condition.getAsBoolean();
  }

  @Test
  void aJsonCallCompletesWithTheTypedResult() throws Exception {
    server.stubFor(get("/voices/" + VOICE_ID)
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody(VOICE)
            .withFixedDelay(200)));

    CompletableFuture<Voice> future = WireSupport.client(server).voices().getAsync(VOICE_ID);

    assertThat(future.get(10, TimeUnit.SECONDS).name()).isEqualTo("Sarah");
    server.verify(1, authenticated(getRequestedFor(urlEqualTo("/voices/" + VOICE_ID))));
  }

  @Test
  void aBinaryCallCompletesWithAStreamOfTheBody() throws Exception {
    byte[] audio = WireSupport.bytes(300_000, 61);
    server.stubFor(post("/tts/bytes").willReturn(aResponse().withBody(audio)));

    try (BinaryResponse response =
        WireSupport.client(server).tts().bytesAsync(ttsRequest()).get(10, TimeUnit.SECONDS)) {
      assertThat(response.stream().readAllBytes()).isEqualTo(audio);
    }
    server.verify(1, authenticated(postRequestedFor(urlEqualTo("/tts/bytes"))));
  }

  @Test
  void anSseCallCompletesWithTheEventStream() throws Exception {
    server.stubFor(post("/tts/sse")
        .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody("""
        data: {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":12.0}

        data: {"type":"done","done":true,"status_code":206}

        """)));

    List<WebSocketResponse> events = new ArrayList<>();
    try (EventStream<WebSocketResponse> stream = WireSupport.client(server)
        .tts()
        .sseAsync(TtsSseRequest.builder()
            .modelId("sonic-2")
            .transcript("Hi")
            .voice(TtsRequestIdSpecifier.builder().id(VOICE_ID).build())
            .outputFormat(SseOutputFormat.builder()
                .encoding(RawEncoding.PCM_S16LE)
                .sampleRate(8000)
                .build())
            .build())
        .get(10, TimeUnit.SECONDS)) {
      stream.forEachRemaining(events::add);
    }

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(WebSocketChunkResponse.class);
    assertThat(events.get(1)).isInstanceOf(WebSocketDoneResponse.class);
  }

  @Test
  void anErrorStatusCompletesExceptionallyWithTheTypedException() {
    server.stubFor(
        get("/voices/missing").willReturn(aResponse().withStatus(404).withBody("Voice not found")));

    CompletableFuture<Voice> future = WireSupport.client(server).voices().getAsync("missing");

    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(NotFoundException.class)
        .hasMessage("HTTP 404 from GET /voices/missing: Voice not found");
    assertThatThrownBy(future::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aBinaryErrorCompletesExceptionallyWithTheTypedException() {
    server.stubFor(post("/tts/bytes")
        .willReturn(aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "30")
            .withBody("Too many concurrent requests")));

    CompletableFuture<BinaryResponse> future =
        WireSupport.client(server).tts().bytesAsync(ttsRequest());

    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(RateLimitException.class, error -> {
          assertThat(error.statusCode()).isEqualTo(429);
          assertThat(error.header("retry-after")).contains("30");
          assertThat(error.getMessage()).doesNotContain(API_KEY);
        });
  }

  @Test
  void cancellingTheFutureAbortsTheRequestAndDoesNotRetry() {
    server.stubFor(get("/voices/" + VOICE_ID)
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody(VOICE)
            .withFixedDelay(10_000)));
    Dispatcher dispatcher = new Dispatcher();
    ConnectionPool pool = new ConnectionPool();
    // Retries on: a cancelled call must not be tried again.
    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .maxRetries(2)
        .httpClient(new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(pool)
            .build())
        .build();

    CompletableFuture<Voice> future = client.voices().getAsync(VOICE_ID);
    assertThat(eventually(Duration.ofSeconds(5), () -> requests(server).size() == 1))
        .as("the request reached the server")
        .isTrue();
    assertThat(dispatcher.runningCallsCount()).isEqualTo(1);

    long start = System.nanoTime();
    assertThat(future.cancel(true)).isTrue();

    assertThatThrownBy(() -> future.get(1, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
    assertThat(future.isCancelled()).isTrue();
    assertThat(eventually(Duration.ofSeconds(2), () -> dispatcher.runningCallsCount() == 0))
        .as("the call was aborted, long before the server's 10 s delay")
        .isTrue();
    assertThat(eventually(Duration.ofSeconds(2), () -> pool.connectionCount() == 0))
        .as("the connection of the aborted call is closed")
        .isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    // Watch past the first backoff (at most 0.5 s): no second request may come.
    assertThat(eventually(Duration.ofMillis(1_500), () -> requests(server).size() > 1))
        .as("a retry was made")
        .isFalse();
    assertThat(dispatcher.queuedCallsCount()).isZero();
  }

  @Test
  void cancellingDuringTheBackoffStopsTheRetry() {
    server.stubFor(get("/voices/" + VOICE_ID)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .maxRetries(2)
        .build();

    CompletableFuture<Voice> future = client.voices().getAsync(VOICE_ID);
    assertThat(eventually(Duration.ofSeconds(5), () -> requests(server).size() == 1))
        .isTrue();
    future.cancel(true);

    assertThat(future.isCancelled()).isTrue();
    assertThat(eventually(Duration.ofMillis(2_000), () -> requests(server).size() > 1))
        .as("a retry was made")
        .isFalse();
  }

  @Test
  void aFutureThatTimesOutAbortsItsCallSoNoStreamIsLeftOpen() {
    server.stubFor(post("/tts/sse")
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/event-stream")
            .withBody("data: {\"type\":\"done\",\"done\":true,\"status_code\":206}\n\n")
            .withFixedDelay(3_000)));
    Dispatcher dispatcher = new Dispatcher();
    ConnectionPool pool = new ConnectionPool();
    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .maxRetries(0)
        .httpClient(new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(pool)
            .build())
        .build();

    CompletableFuture<EventStream<WebSocketResponse>> future = client
        .tts()
        .sseAsync(TtsSseRequest.builder()
            .modelId("sonic-2")
            .transcript("Hi")
            .voice(TtsRequestIdSpecifier.builder().id(VOICE_ID).build())
            .outputFormat(SseOutputFormat.builder()
                .encoding(RawEncoding.PCM_S16LE)
                .sampleRate(8000)
                .build())
            .build())
        .orTimeout(200, TimeUnit.MILLISECONDS);

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(TimeoutException.class);
    // Long before the server's 3 s delay: the call was cancelled, not left to open a stream no one
    // reads.
    assertThat(eventually(Duration.ofSeconds(2), () -> dispatcher.runningCallsCount() == 0))
        .as("the call was aborted when the future timed out")
        .isTrue();
    assertThat(eventually(Duration.ofSeconds(2), () -> pool.connectionCount() == 0))
        .as("its connection is closed")
        .isTrue();
  }
}
