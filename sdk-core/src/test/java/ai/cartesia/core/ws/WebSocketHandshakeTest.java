package ai.cartesia.core.ws;

import static ai.cartesia.core.testing.Secrets.API_KEY;
import static ai.cartesia.core.testing.Secrets.assertNoKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.errors.ApiException;
import ai.cartesia.core.errors.ForbiddenException;
import ai.cartesia.core.errors.NotFoundException;
import ai.cartesia.core.errors.PaymentRequiredException;
import ai.cartesia.core.errors.RateLimitException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.errors.UnauthorizedException;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.ws.FrameDecoder;
import ai.cartesia.core.internal.ws.MultiplexedSession;
import ai.cartesia.core.internal.ws.WebSocketChannel;
import ai.cartesia.core.internal.ws.WebSocketSession;
import ai.cartesia.core.internal.ws.WebSocketUrls;
import ai.cartesia.core.testing.LoopbackSocket;
import ai.cartesia.core.testing.TtsMessage;
import ai.cartesia.core.testing.TtsProtocol;
import ai.cartesia.core.testing.TtsRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a WebSocket connects, with what, and what a refused or failed handshake becomes. */
@Timeout(20)
class WebSocketHandshakeTest {

  private final MockWebServer server = new MockWebServer();
  private final WebSocketChannel<TtsRequest, TtsMessage> channel =
      WebSocketChannel.<TtsRequest, TtsMessage>builder(
              "tts/websocket", FrameDecoder.json(Json.mapper(), TtsMessage.class))
          .constantQuery("cartesia_version", "2024-11-13")
          .apiKeyQueryParameter("api_key")
          .build();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientContext client(String baseUrl) {
    return ClientContext.create(
        ClientOptions.builder().baseUrl(baseUrl).apiKey(API_KEY).build());
  }

  @ParameterizedTest
  @CsvSource({
    "401, UnauthorizedException, API key is missing or not valid",
    "402, PaymentRequiredException, out of credits",
    "403, ForbiddenException, may not open this endpoint",
    "404, NotFoundException, check the base URL",
    "429, RateLimitException, too many concurrent connections"
  })
  void aRefusedHandshakeIsTheTypedExceptionOfItsStatus(int status, String type, String advice) {
    // The server even echoes the key back; it must not get through.
    server.enqueue(new MockResponse.Builder()
        .code(status)
        .body("{\"message\":\"refused key " + API_KEY + "\"}")
        .build());

    ApiException error = catchThrowableOfType(
        ApiException.class,
        () -> MultiplexedSession.connect(
            client(server.url("/").toString()),
            channel,
            new TtsProtocol(),
            Map.of(),
            StreamSettings.defaults()));

    assertThat(error.getClass().getSimpleName()).isEqualTo(type);
    assertThat(error.statusCode()).isEqualTo(status);
    assertThat(error)
        .hasMessageContaining("HTTP " + status)
        .hasMessageContaining(advice)
        .hasMessageContaining("ws://")
        .hasMessageContaining("/tts/websocket")
        .hasMessageContaining("refused key [redacted]");
    assertThat(error.body()).doesNotContain(API_KEY);
    assertNoKey(error);
    assertThat(
            switch (status) {
              case 401 -> error instanceof UnauthorizedException;
              case 402 -> error instanceof PaymentRequiredException;
              case 403 -> error instanceof ForbiddenException;
              case 404 -> error instanceof NotFoundException;
              default -> error instanceof RateLimitException;
            })
        .isTrue();
  }

  @Test
  void thePlainSessionMapsTheHandshakeTheSameWay() {
    server.enqueue(new MockResponse.Builder()
        .code(402)
        .body("Payment Required: no credits left")
        .build());
    PaymentRequiredException error = catchThrowableOfType(
        PaymentRequiredException.class,
        () -> WebSocketSession.connect(
            client(server.url("/").toString()), channel, Map.of(), Duration.ofSeconds(5)));
    assertThat(error)
        .hasMessageContaining("out of credits")
        .hasMessageContaining("no credits left");
    assertNoKey(error);
  }

  @Test
  void queryValuesAreEncodedAndTheApiKeyAndVersionSent() throws Exception {
    LoopbackSocket.enqueue(server);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("language", "en & fr=yes");
    query.put("min_volume", null); // left out
    try (WebSocketSession<TtsRequest, TtsMessage> session = WebSocketSession.connect(
        client(server.url("/").toString()), channel, query, Duration.ofSeconds(5))) {
      assertThat(session.toString()).contains("api_key=[redacted]").doesNotContain(API_KEY);
    }
    RecordedRequest handshake = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(handshake.getUrl().queryParameter("language")).isEqualTo("en & fr=yes");
    assertThat(handshake.getTarget())
        .contains("language=en%20%26%20fr%3Dyes")
        .doesNotContain("min_volume");
    assertThat(handshake.getUrl().queryParameter("cartesia_version")).isEqualTo("2024-11-13");
    assertThat(handshake.getUrl().queryParameter("api_key")).isEqualTo(API_KEY);
    assertThat(handshake.getHeaders().get("Upgrade")).isEqualTo("websocket");
  }

  @Test
  void aWebSocketBaseUrlIsUsedAsIs() throws Exception {
    LoopbackSocket.enqueue(server);
    String base = "ws://" + server.getHostName() + ":" + server.getPort() + "/v1";
    try (WebSocketSession<TtsRequest, TtsMessage> session =
        WebSocketSession.connect(client(base), channel, Map.of(), Duration.ofSeconds(5))) {
      assertThat(session.toString())
          .startsWith("WebSocketSession{ws://")
          .contains("/v1/tts/websocket");
    }
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath())
        .isEqualTo("/v1/tts/websocket");
  }

  @Test
  void anHttpsBaseUrlIsShownAsWss() {
    ClientOptions options = ClientOptions.builder()
        .baseUrl("https://api.cartesia.ai")
        .apiKey(API_KEY)
        .build();
    String shown = WebSocketUrls.display(WebSocketUrls.of(options, channel, Map.of()), channel);
    assertThat(shown)
        .isEqualTo(
            "wss://api.cartesia.ai/tts/websocket?cartesia_version=2024-11-13&api_key=[redacted]");
  }

  @Test
  void noServerIsATransportExceptionWithoutTheKey() {
    String base = server.url("/").toString();
    server.close();
    TransportException error = catchThrowableOfType(
        TransportException.class,
        () -> WebSocketSession.connect(client(base), channel, Map.of(), Duration.ofSeconds(5)));
    assertThat(error).hasMessageContaining("cannot open the WebSocket");
    assertNoKey(error);
  }

  @Test
  void aHandshakeThatNeverComesTimesOut() {
    server.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).build());
    TransportException error = catchThrowableOfType(
        TransportException.class,
        () -> MultiplexedSession.connect(
            client(server.url("/").toString()),
            channel,
            new TtsProtocol(),
            Map.of(),
            StreamSettings.defaults().withHandshakeTimeout(Duration.ofMillis(300))));
    assertThat(error).hasMessageContaining("no WebSocket handshake").hasMessageContaining("PT0.3S");
    assertNoKey(error);
  }
}
