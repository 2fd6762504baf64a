package ai.cartesia;

import static ai.cartesia.WireSupport.API_KEY;
import static ai.cartesia.WireSupport.VOICE_ID;
import static ai.cartesia.WireSupport.requests;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cartesia.core.errors.ApiException;
import ai.cartesia.core.errors.BadRequestException;
import ai.cartesia.core.errors.ServerException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.http.FileUpload;
import ai.cartesia.model.SttTranscribeRequest;
import ai.cartesia.model.TranscriptionResponse;
import ai.cartesia.model.Voice;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry policy against injected faults: two retries by default, on connection failures and
 * on 408, 409, 429 and 5xx, with exponential backoff (0.5 s doubling, up to a quarter less) unless
 * the server asks for a delay with {@code Retry-After} or {@code retry-after-ms}.
 */
@Timeout(60)
class RetryAndFaultsTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/voices/" + VOICE_ID;

  private static final String VOICE =
      "{\"id\":\"" + VOICE_ID + "\",\"is_owner\":true,\"name\":\"Sarah\","
          + "\"description\":\"d\",\"created_at\":\"2024-11-13T07:06:22.476564Z\",\"language\":\"en\"}";

  private static ResponseDefinitionBuilder ok() {
    return aResponse().withHeader("Content-Type", "application/json").withBody(VOICE);
  }

  private static ResponseDefinitionBuilder status(int status) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "text/plain")
        .withBody("status " + status);
  }

  /** The responses in turn, one per request; the last one answers every request after it. */
  private static void sequence(String path, ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      server.stubFor(any(urlPathEqualTo(path))
          .inScenario("sequence")
          .whenScenarioStateIs(state(i))
          .willSetStateTo(state(Math.min(i + 1, responses.length - 1)))
          .willReturn(responses[i]));
    }
  }

  private static String state(int step) {
    return step == 0 ? STARTED : "step " + step;
  }

  /** A client with the default retries. */
  private static Cartesia client() {
    return Cartesia.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).build();
  }

  private static Cartesia client(int maxRetries) {
    return Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .maxRetries(maxRetries)
        .build();
  }

  /** Milliseconds between consecutive requests, as the server logged them. */
  private static List<Long> gaps() {
    List<LoggedRequest> requests = requests(server);
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < requests.size(); i++) {
      gaps.add(requests.get(i).getLoggedDate().getTime()
          - requests.get(i - 1).getLoggedDate().getTime());
    }
    return gaps;
  }

  // ---------------------------------------------------------------- connection faults

  @ParameterizedTest
  @EnumSource(Fault.class)
  void aConnectionFaultIsRetried(Fault fault) {
    sequence(PATH, aResponse().withFault(fault), ok());

    Voice voice = client().voices().get(VOICE_ID);

    assertThat(voice.name()).isEqualTo("Sarah");
    assertThat(requests(server)).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void aConnectionFaultThatPersistsIsATransportException(Fault fault) {
    sequence(PATH, aResponse().withFault(fault));

    TransportException error =
        catchThrowableOfType(() -> client(1).voices().get(VOICE_ID), TransportException.class);

    assertThat(error).isNotNull();
    assertThat(error.getMessage()).contains("GET /voices/" + VOICE_ID).doesNotContain(API_KEY);
    assertThat(error.getCause()).isNotNull();
    assertThat(requests(server)).hasSize(2);
  }

  @Test
  void aDelayPastTheTimeoutIsRetried() {
    sequence(PATH, ok().withFixedDelay(3_000), ok());
    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .timeout(Duration.ofMillis(300))
        .build();

    long start = System.nanoTime();
    Voice voice = client.voices().get(VOICE_ID);

    assertThat(voice.id()).isEqualTo(VOICE_ID);
    assertThat(requests(server)).hasSize(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_900));
  }

  @Test
  void aDelayPastTheTimeoutEveryTimeIsATransportException() {
    sequence(PATH, ok().withFixedDelay(3_000));
    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .timeout(Duration.ofMillis(300))
        .maxRetries(1)
        .build();

    long start = System.nanoTime();
    TransportException error =
        catchThrowableOfType(() -> client.voices().get(VOICE_ID), TransportException.class);

    assertThat(error).isNotNull();
    assertThat(error.getCause()).isInstanceOf(SocketTimeoutException.class);
    assertThat(requests(server)).hasSize(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_900));
  }

  // ---------------------------------------------------------------- statuses

  @Test
  void a503ThenA200SucceedsAfterOneRetry() {
    sequence(PATH, status(503), ok());

    assertThat(client().voices().get(VOICE_ID).id()).isEqualTo(VOICE_ID);

    assertThat(requests(server)).hasSize(2);
  }

  @Test
  void a503EveryTimeFailsAfterThreeRequestsWithExponentialBackoff() {
    sequence(PATH, status(503));

    ServerException error =
        catchThrowableOfType(() -> client().voices().get(VOICE_ID), ServerException.class);

    assertThat(error).isNotNull();
    assertThat(error.statusCode()).isEqualTo(503);
    assertThat(error.body()).isEqualTo("status 503");
    assertThat(requests(server)).as("the first request and two retries").hasSize(3);
    List<Long> gaps = gaps();
    // 0.5 s then 1 s, each up to a quarter less; generous upper bounds for a busy machine.
    assertThat(gaps.get(0)).isBetween(370L, 2_000L);
    assertThat(gaps.get(1)).isBetween(740L, 3_000L);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
  void retryableStatusesAreRetried(int code) {
    sequence(PATH, status(code).withHeader("retry-after-ms", "10"), ok());

    assertThat(client().voices().get(VOICE_ID).id()).isEqualTo(VOICE_ID);

    assertThat(requests(server)).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 402, 403, 404, 422})
  void otherStatusesAreNotRetried(int code) {
    sequence(PATH, status(code).withHeader("retry-after-ms", "10"), ok());

    ApiException error =
        catchThrowableOfType(() -> client().voices().get(VOICE_ID), ApiException.class);

    assertThat(error.statusCode()).isEqualTo(code);
    assertThat(requests(server)).hasSize(1);
  }

  @Test
  void a400IsNotRetried() {
    sequence(PATH, status(400), ok());

    BadRequestException error =
        catchThrowableOfType(() -> client().voices().get(VOICE_ID), BadRequestException.class);

    assertThat(error.body()).isEqualTo("status 400");
    assertThat(requests(server)).hasSize(1);
  }

  // ---------------------------------------------------------------- server-chosen delays

  @Test
  void retryAfterInSecondsIsHonoured() {
    sequence(PATH, status(429).withHeader("Retry-After", "1"), ok());

    assertThat(client().voices().get(VOICE_ID).id()).isEqualTo(VOICE_ID);

    assertThat(requests(server)).hasSize(2);
    assertThat(gaps().get(0)).isBetween(950L, 4_000L);
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    // Second precision: a date two seconds ahead is between one and two seconds away.
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    sequence(PATH, status(503).withHeader("Retry-After", date), ok());

    assertThat(client().voices().get(VOICE_ID).id()).isEqualTo(VOICE_ID);

    assertThat(requests(server)).hasSize(2);
    assertThat(gaps().get(0)).isBetween(900L, 5_000L);
  }

  @Test
  void retryAfterMsIsHonouredAndWinsOverRetryAfter() {
    sequence(
        PATH, status(429).withHeader("retry-after-ms", "800").withHeader("Retry-After", "5"), ok());

    assertThat(client().voices().get(VOICE_ID).id()).isEqualTo(VOICE_ID);

    assertThat(gaps().get(0))
        .as("800 ms asked, more than any backoff of the first retry")
        .isBetween(760L, 4_500L);
  }

  @Test
  void aRetryAfterBeyondTheLimitFallsBackToBackoff() {
    sequence(PATH, status(429).withHeader("Retry-After", "3600"), ok());

    long start = System.nanoTime();
    assertThat(client().voices().get(VOICE_ID).id()).isEqualTo(VOICE_ID);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(gaps().get(0)).isBetween(370L, 2_000L);
  }

  // ---------------------------------------------------------------- uploads

  private static SttTranscribeRequest upload(FileUpload file) {
    return SttTranscribeRequest.builder().file(file).model("ink-whisper").build();
  }

  @Test
  void anUploadFromAStreamIsNotRetried() {
    sequence(
        "/stt",
        status(503).withHeader("retry-after-ms", "10"),
        aResponse().withHeader("Content-Type", "application/json").withBody("{\"text\":\"hi\"}"));

    ServerException error = catchThrowableOfType(
        () -> client()
            .stt()
            .transcribe(
                upload(FileUpload.of(new ByteArrayInputStream(new byte[] {1, 2, 3}), "a.wav"))),
        ServerException.class);

    assertThat(error.statusCode()).isEqualTo(503);
    assertThat(requests(server)).as("a stream can be read only once").hasSize(1);
  }

  @Test
  void anUploadFromBytesIsRetriedWithTheSameBody() {
    sequence(
        "/stt",
        status(503).withHeader("retry-after-ms", "10"),
        aResponse().withHeader("Content-Type", "application/json").withBody("{\"text\":\"hi\"}"));
    byte[] audio = WireSupport.bytes(10_000, 51);

    TranscriptionResponse response =
        client().stt().transcribe(upload(FileUpload.of(audio, "a.wav")));

    assertThat(response.text()).isEqualTo("hi");
    List<LoggedRequest> requests = requests(server);
    assertThat(requests).hasSize(2);
    for (LoggedRequest request : requests)
      WireSupport.assertFilePart(request, "file", "a.wav", audio);
  }

  // ---------------------------------------------------------------- async

  @Test
  void anAsyncUploadFromAStreamIsNotRetried() {
    sequence(
        "/stt",
        status(503).withHeader("retry-after-ms", "10"),
        aResponse().withHeader("Content-Type", "application/json").withBody("{\"text\":\"hi\"}"));

    Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> client()
        .stt()
        .transcribeAsync(
            upload(FileUpload.of(new ByteArrayInputStream(new byte[] {1, 2, 3}), "a.wav")))
        .get(10, TimeUnit.SECONDS));

    assertThat(error).hasCauseInstanceOf(ServerException.class);
    assertThat(requests(server)).hasSize(1);
  }

  @Test
  void asyncCallsHonourRetryAfter() throws Exception {
    sequence(PATH, status(429).withHeader("Retry-After", "1"), ok());

    assertThat(client().voices().getAsync(VOICE_ID).get(10, TimeUnit.SECONDS).id())
        .isEqualTo(VOICE_ID);

    assertThat(gaps().get(0)).isBetween(950L, 4_000L);
  }

  @Test
  void asyncCallsAreRetriedToo() throws Exception {
    sequence(
        PATH,
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        status(503).withHeader("retry-after-ms", "10"),
        ok());

    Voice voice = client().voices().getAsync(VOICE_ID).get(10, TimeUnit.SECONDS);

    assertThat(voice.id()).isEqualTo(VOICE_ID);
    assertThat(requests(server)).hasSize(3);
  }
}
