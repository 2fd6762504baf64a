package ai.cartesia;

import static ai.cartesia.WireSupport.API_KEY;
import static ai.cartesia.WireSupport.VOICE_ID;
import static ai.cartesia.WireSupport.authenticated;
import static ai.cartesia.WireSupport.requests;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cartesia.core.errors.ServerException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.http.RequestOptions;
import ai.cartesia.model.TokenRequest;
import ai.cartesia.model.Voice;
import ai.cartesia.model.VoicesListRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-call {@link RequestOptions}: extra headers, a timeout, a number of retries. */
@Timeout(30)
class RequestOptionsTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String VOICE =
      "{\"id\":\"" + VOICE_ID + "\",\"is_owner\":true,\"name\":\"Sarah\","
          + "\"description\":\"d\",\"created_at\":\"2024-11-13T07:06:22.476564Z\",\"language\":\"en\"}";

  private static void stubVoice(int delayMillis) {
    server.stubFor(get("/voices/" + VOICE_ID)
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody(VOICE)
            .withFixedDelay(delayMillis)));
  }

  @Test
  void aPerCallHeaderIsSentAndReplacesTheClientsHeader() {
    stubVoice(0);
    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .header("X-Team", "client-wide")
        .header("X-Client-Only", "yes")
        .build();

    client
        .voices()
        .get(
            VOICE_ID,
            RequestOptions.builder()
                .header("X-Trace-Id", "trace-1")
                .header("X-Team", "this-call")
                .build());
    client.voices().get(VOICE_ID);

    var requests = requests(server);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getHeader("X-Trace-Id")).isEqualTo("trace-1");
    assertThat(requests.get(0).getHeaders().getHeader("X-Team").values())
        .containsExactly("this-call");
    assertThat(requests.get(0).getHeader("X-Client-Only")).isEqualTo("yes");
    assertThat(requests.get(1).containsHeader("X-Trace-Id")).isFalse();
    assertThat(requests.get(1).getHeader("X-Team")).isEqualTo("client-wide");
    server.verify(2, authenticated(getRequestedFor(urlEqualTo("/voices/" + VOICE_ID))));
  }

  @Test
  void aPerCallHeaderIsSentOnAsyncAndJsonBodyCalls() throws Exception {
    server.stubFor(post("/access-token")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"token\":\"t\"}")));

    WireSupport.client(server)
        .auth()
        .accessTokenAsync(
            TokenRequest.builder().build(),
            RequestOptions.builder().header("Idempotency-Key", "k-1").build())
        .get(10, TimeUnit.SECONDS);

    server.verify(
        1,
        authenticated(postRequestedFor(urlEqualTo("/access-token")))
            .withHeader("Idempotency-Key", equalTo("k-1")));
  }

  @Test
  void theOptionsOfAListApplyToEveryPage() {
    String voice = "{\"id\":\"%s\",\"is_owner\":true,\"name\":\"n\",\"description\":\"d\","
        + "\"created_at\":\"2024-11-13T07:06:22Z\",\"language\":\"en\"}";
    server.stubFor(get(urlPathEqualTo("/voices/"))
        .withQueryParam("starting_after", absent())
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"data\":[" + voice.formatted("a") + "],\"has_more\":true}")));
    server.stubFor(get(urlPathEqualTo("/voices/"))
        .withQueryParam("starting_after", equalTo("a"))
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"data\":[" + voice.formatted("b") + "],\"has_more\":false}")));

    var ids = WireSupport.client(server)
        .voices()
        .list(
            VoicesListRequest.builder().build(),
            RequestOptions.builder().header("X-Trace-Id", "paged").build())
        .stream()
        .map(Voice::id)
        .toList();

    assertThat(ids).containsExactly("a", "b");
    server.verify(
        2, getRequestedFor(urlPathEqualTo("/voices/")).withHeader("X-Trace-Id", equalTo("paged")));
  }

  @Test
  void aPerCallTimeoutShorterThanTheDelayFails() {
    stubVoice(3_000);
    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .maxRetries(0)
        .build();

    long start = System.nanoTime();
    TransportException error = catchThrowableOfType(
        () -> client
            .voices()
            .get(
                VOICE_ID,
                RequestOptions.builder().timeout(Duration.ofMillis(300)).build()),
        TransportException.class);

    assertThat(error).isNotNull();
    assertThat(error.getCause()).isInstanceOf(SocketTimeoutException.class);
    assertThat(error.getMessage()).contains("GET /voices/" + VOICE_ID);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void aPerCallTimeoutLongerThanTheDelaySucceedsOnAClientWithAShortTimeout() {
    stubVoice(700);
    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .timeout(Duration.ofMillis(200))
        .maxRetries(0)
        .build();

    Voice voice = client
        .voices()
        .get(VOICE_ID, RequestOptions.builder().timeout(Duration.ofSeconds(10)).build());

    assertThat(voice.id()).isEqualTo(VOICE_ID);
  }

  @Test
  void aPerCallTimeoutAppliesToAsyncCalls() {
    stubVoice(3_000);
    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .maxRetries(0)
        .build();

    ExecutionException error = catchThrowableOfType(
        () -> client
            .voices()
            .getAsync(
                VOICE_ID,
                RequestOptions.builder().timeout(Duration.ofMillis(300)).build())
            .get(2_500, TimeUnit.MILLISECONDS),
        ExecutionException.class);

    assertThat(error).isNotNull();
    assertThat(error.getCause()).isInstanceOf(TransportException.class);
  }

  @Test
  void perCallMaxRetriesZeroDisablesRetries() {
    server.stubFor(get("/voices/" + VOICE_ID)
        .willReturn(aResponse().withStatus(503).withHeader("retry-after-ms", "10")));
    Cartesia client =
        Cartesia.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).build(); // 2 retries

    ServerException error = catchThrowableOfType(
        () ->
            client.voices().get(VOICE_ID, RequestOptions.builder().maxRetries(0).build()),
        ServerException.class);

    assertThat(error.statusCode()).isEqualTo(503);
    assertThat(requests(server)).hasSize(1);
  }

  @Test
  void perCallMaxRetriesCanAlsoAddRetries() {
    server.stubFor(get("/voices/" + VOICE_ID)
        .willReturn(aResponse().withStatus(503).withHeader("retry-after-ms", "10")));
    Cartesia client = WireSupport.client(server); // no retries

    catchThrowableOfType(
        () ->
            client.voices().get(VOICE_ID, RequestOptions.builder().maxRetries(3).build()),
        ServerException.class);

    assertThat(requests(server)).hasSize(4);
  }
}
