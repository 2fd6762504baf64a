package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.errors.UnauthorizedException;
import ai.cartesia.core.observe.CartesiaListener;
import ai.cartesia.core.observe.ContextEnded;
import ai.cartesia.core.observe.FirstAudio;
import ai.cartesia.core.observe.LogLevel;
import ai.cartesia.core.observe.RequestEnded;
import ai.cartesia.core.observe.RequestStarted;
import ai.cartesia.core.observe.RetryScheduled;
import ai.cartesia.core.observe.WebSocketClosed;
import ai.cartesia.core.observe.WebSocketOpened;
import ai.cartesia.core.sse.EventStream;
import ai.cartesia.model.GenerationRequest;
import ai.cartesia.model.RawEncoding;
import ai.cartesia.model.SseOutputFormat;
import ai.cartesia.model.TtsRequestIdSpecifier;
import ai.cartesia.model.TtsSseRequest;
import ai.cartesia.model.WebSocketRawOutputFormat;
import ai.cartesia.model.WebSocketResponse;
import ai.cartesia.testing.FakeCartesiaServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a listener and the log see of the streaming calls, against the loopback fake: the SSE
 * request, a TTS WebSocket with its context's first audio and end, a refused handshake, the
 * User-Agent; and that no event or log line shows the API key.
 */
@Timeout(30)
class ObservabilityTest {

  private static final String API_KEY = "sk_test_OBSERVED_KEY_4242";
  private static final String VOICE = "694f9389-aac1-45b6-b726-9d9369183238";

  private final List<Object> events = new CopyOnWriteArrayList<>();
  private final CartesiaListener recorder = new CartesiaListener() {
    @Override
    public void onRequestStart(RequestStarted request) {
      events.add(request);
    }

    @Override
    public void onRequestEnd(RequestEnded response) {
      events.add(response);
    }

    @Override
    public void onRetry(RetryScheduled retry) {
      events.add(retry);
    }

    @Override
    public void onWebSocketOpen(WebSocketOpened open) {
      events.add(open);
    }

    @Override
    public void onWebSocketClose(WebSocketClosed close) {
      events.add(close);
    }

    @Override
    public void onFirstAudio(FirstAudio firstAudio) {
      events.add(firstAudio);
    }

    @Override
    public void onContextEnd(ContextEnded end) {
      events.add(end);
    }
  };

  private final Logger julLogger = Logger.getLogger("ai.cartesia");
  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      StringWriter text = new StringWriter()
          .append(record.getLevel().toString())
          .append(' ')
          .append(record.getMessage());
      if (record.getThrown() != null) record.getThrown().printStackTrace(new PrintWriter(text));
      logLines.add(text.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private FakeCartesiaServer fake;
  private Cartesia client;

  @BeforeEach
  void start() {
    capture.setLevel(Level.ALL);
    julLogger.addHandler(capture);
    fake = FakeCartesiaServer.builder().apiKey(API_KEY).start();
    client = Cartesia.builder()
        .baseUrl(fake.baseUrl())
        .apiKey(API_KEY)
        .maxRetries(0)
        .listener(recorder)
        .logLevel(LogLevel.DEBUG)
        .appName("my-agent/1.2")
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
    julLogger.removeHandler(capture);
    // The point of every test here as well: the key shows in no event and no log line.
    assertThat(events).isNotEmpty();
    assertThat(logLines).isNotEmpty();
    assertThat(events.toString()).doesNotContain(API_KEY);
    for (Object event : events) {
      if (event instanceof RequestEnded ended)
        ended.failure().ifPresent(ObservabilityTest::assertNoKey);
      if (event instanceof WebSocketClosed closed)
        closed.failure().ifPresent(ObservabilityTest::assertNoKey);
      if (event instanceof ContextEnded ended)
        ended.failure().ifPresent(ObservabilityTest::assertNoKey);
    }
    assertThat(logLines).noneMatch(line -> line.contains(API_KEY));
  }

  private static void assertNoKey(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(API_KEY);
  }

  private <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void anSseStreamIsOneRequestThatEndsWhenItsHeadersArrive() {
    TtsSseRequest request = TtsSseRequest.builder()
        .modelId("sonic-2")
        .transcript("Hello over events.")
        .voice(TtsRequestIdSpecifier.builder().id(VOICE).build())
        .outputFormat(SseOutputFormat.builder()
            .encoding(RawEncoding.PCM_F32LE)
            .sampleRate(44100)
            .build())
        .build();

    try (EventStream<WebSocketResponse> stream = client.tts().sse(request)) {
      assertThat(client.tts().collectSpeech(stream).audio()).isNotEmpty();
    }

    RequestStarted started = of(RequestStarted.class).get(0);
    assertThat(started.method()).isEqualTo("POST");
    assertThat(started.pathTemplate()).contains("tts/sse");
    assertThat(started.url()).endsWith("/tts/sse");
    assertThat(of(RequestEnded.class)).singleElement().satisfies(ended -> {
      assertThat(ended.request()).isSameAs(started);
      assertThat(ended.status()).isEqualTo(OptionalInt.of(200));
    });
    assertThat(logLines)
        .anyMatch(line -> line.startsWith("INFO <-- 200 POST ") && line.contains("/tts/sse"));
    assertThat(logLines)
        .anyMatch(line -> line.startsWith("INFO --> POST ")
            && line.contains("X-API-Key: [redacted]")
            && line.contains("User-Agent: cartesia-java/"));
  }

  @Test
  void aTtsContextReportsItsFirstAudioAndItsEndAndTheSocketItsOpenAndClose() {
    try (var session = client.tts().websocket()) {
      var context = session.context("observed-1");
      context.send(GenerationRequest.builder()
          .modelId("sonic-2")
          .transcript("Hello, listener.")
          .voice(TtsRequestIdSpecifier.builder().id(VOICE).build())
          .outputFormat(WebSocketRawOutputFormat.builder()
              .encoding(RawEncoding.PCM_S16LE)
              .sampleRate(16000)
              .build())
          .build());
      assertThat(client.tts().collectSpeech(context.iterator()).audio()).isNotEmpty();
    }

    assertThat(events)
        .extracting(event -> event.getClass().getSimpleName())
        .containsExactly("WebSocketOpened", "FirstAudio", "ContextEnded", "WebSocketClosed");
    WebSocketOpened opened = of(WebSocketOpened.class).get(0);
    assertThat(opened.url())
        .startsWith("ws://")
        .contains("/tts/websocket")
        .contains("api_key=[redacted]");
    FirstAudio firstAudio = of(FirstAudio.class).get(0);
    assertThat(firstAudio.contextId()).isEqualTo("observed-1");
    assertThat(firstAudio.sinceFirstSend()).isPositive();
    ContextEnded ended = of(ContextEnded.class).get(0);
    assertThat(ended.outcome()).isEqualTo(ContextEnded.Outcome.FINISHED);
    assertThat(ended.failure()).isEmpty();
    assertThat(ended.sinceFirstSend()).isGreaterThanOrEqualTo(firstAudio.sinceFirstSend());
    WebSocketClosed closed = of(WebSocketClosed.class).get(0);
    assertThat(closed.id()).isEqualTo(opened.id());
    assertThat(closed.code()).isEqualTo(OptionalInt.of(1000));
    assertThat(closed.failure()).isEmpty();
    assertThat(logLines)
        .anyMatch(
            line -> line.contains("context observed-1") && line.contains("first audio after"));
    assertThat(logLines)
        .anyMatch(
            line -> line.contains("WebSocket ws://") && line.contains("closed with code 1000"));
  }

  @Test
  void aCancelledContextEndsAsCancelled() {
    try (var session = client.tts().websocket()) {
      var context = session.context("cancelled-1");
      context.cancel();
    }
    assertThat(of(ContextEnded.class)).singleElement().satisfies(ended -> {
      assertThat(ended.outcome()).isEqualTo(ContextEnded.Outcome.CANCELLED);
      assertThat(ended.sinceFirstSend()).isEqualTo(Duration.ZERO);
    });
  }

  @Test
  void aRefusedHandshakeIsACloseWithItsFailureAndNoOpen() {
    try (Cartesia wrongKey = Cartesia.builder()
        .baseUrl(fake.baseUrl())
        .apiKey("sk_test_wrong_" + API_KEY)
        .listener(recorder)
        .logLevel(LogLevel.INFO)
        .build()) {
      assertThatThrownBy(() -> wrongKey.tts().websocket())
          .isInstanceOf(UnauthorizedException.class);
    }
    assertThat(of(WebSocketOpened.class)).isEmpty();
    assertThat(of(WebSocketClosed.class)).singleElement().satisfies(closed -> {
      assertThat(closed.code()).isEmpty();
      assertThat(closed.failure()).containsInstanceOf(UnauthorizedException.class);
    });
    assertThat(logLines)
        .anyMatch(line -> line.contains("WebSocket ws://") && line.contains(" failed: "));
  }

  @Test
  void theUserAgentCarriesTheRealVersionAndTheAppName() throws Exception {
    String expected = System.getProperty("expected.version");
    assertThat(expected).as("the build passes the project's version").isNotBlank();

    client.tts().websocket().close();

    String userAgent = fake.takeRequest(Duration.ofSeconds(5)).getHeaders().get("User-Agent");
    assertThat(userAgent).isEqualTo("cartesia-java/" + expected + " my-agent/1.2");
    assertThat(client.options().userAgent()).isEqualTo(userAgent);
  }
}
