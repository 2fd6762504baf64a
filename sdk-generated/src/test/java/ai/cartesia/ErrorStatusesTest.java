package ai.cartesia;

import static ai.cartesia.WireSupport.API_KEY;
import static ai.cartesia.WireSupport.VOICE_ID;
import static ai.cartesia.WireSupport.client;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cartesia.core.errors.ApiException;
import ai.cartesia.core.errors.BadRequestException;
import ai.cartesia.core.errors.ConflictException;
import ai.cartesia.core.errors.ForbiddenException;
import ai.cartesia.core.errors.NotFoundException;
import ai.cartesia.core.errors.PaymentRequiredException;
import ai.cartesia.core.errors.RateLimitException;
import ai.cartesia.core.errors.ServerException;
import ai.cartesia.core.errors.UnauthorizedException;
import ai.cartesia.core.errors.UnprocessableEntityException;
import ai.cartesia.core.http.FileUpload;
import ai.cartesia.model.InfillBytesRequest;
import ai.cartesia.model.Mp3OutputFormat;
import ai.cartesia.model.OutputFormatContainer;
import ai.cartesia.model.RawEncoding;
import ai.cartesia.model.SseOutputFormat;
import ai.cartesia.model.SttTranscribeRequest;
import ai.cartesia.model.TokenRequest;
import ai.cartesia.model.TtsRequest;
import ai.cartesia.model.TtsRequestIdSpecifier;
import ai.cartesia.model.TtsSseRequest;
import ai.cartesia.model.VoiceChangerBytesRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error status the SDK names, on one operation of each resource, with a JSON and a plain
 * text body: the typed exception, its status, headers and body, and a message without the key.
 */
@Timeout(30)
class ErrorStatusesTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** One operation of each resource, with the method and path its error message names. */
  static final Map<String, Consumer<Cartesia>> OPERATIONS = new LinkedHashMap<>();

  static {
    TtsRequestIdSpecifier voice = TtsRequestIdSpecifier.builder().id(VOICE_ID).build();
    OPERATIONS.put("GET /", client -> client.apiStatus().get());
    OPERATIONS.put(
        "POST /access-token",
        client ->
            client.auth().accessToken(TokenRequest.builder().expiresIn(60L).build()));
    OPERATIONS.put(
        "POST /infill/bytes",
        client -> client
            .infill()
            .bytes(InfillBytesRequest.builder()
                .leftAudio(FileUpload.of(new byte[] {1}, "l.wav"))
                .modelId("sonic-2")
                .language("en")
                .transcript("t")
                .voiceId(VOICE_ID)
                .outputFormatContainer(OutputFormatContainer.MP3)
                .outputFormatSampleRate(44100)
                .outputFormatBitRate(128000L)
                .build())
            .readAllBytes());
    OPERATIONS.put(
        "POST /stt",
        client -> client
            .stt()
            .transcribe(SttTranscribeRequest.builder()
                .file(FileUpload.of(new byte[] {1}, "a.wav"))
                .model("ink-whisper")
                .build()));
    OPERATIONS.put(
        "POST /tts/bytes",
        client -> client
            .tts()
            .bytes(TtsRequest.builder()
                .modelId("sonic-2")
                .transcript("t")
                .voice(voice)
                .outputFormat(
                    Mp3OutputFormat.builder().sampleRate(44100).bitRate(128000).build())
                .build())
            .readAllBytes());
    OPERATIONS.put(
        "POST /tts/sse",
        client -> client
            .tts()
            .sse(TtsSseRequest.builder()
                .modelId("sonic-2")
                .transcript("t")
                .voice(voice)
                .outputFormat(SseOutputFormat.builder()
                    .encoding(RawEncoding.PCM_S16LE)
                    .sampleRate(16000)
                    .build())
                .build())
            .close());
    OPERATIONS.put(
        "POST /voice-changer/bytes",
        client -> client
            .voiceChanger()
            .bytes(VoiceChangerBytesRequest.builder()
                .clip(FileUpload.of(new byte[] {1}, "c.wav"))
                .voiceId(VOICE_ID)
                .outputFormatContainer(OutputFormatContainer.MP3)
                .outputFormatSampleRate(44100)
                .outputFormatBitRate(128000L)
                .build())
            .readAllBytes());
    OPERATIONS.put("GET /voices/v1", client -> client.voices().get("v1"));
  }

  static final Map<Integer, Class<? extends ApiException>> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put(400, BadRequestException.class);
    TYPES.put(401, UnauthorizedException.class);
    TYPES.put(402, PaymentRequiredException.class);
    TYPES.put(403, ForbiddenException.class);
    TYPES.put(404, NotFoundException.class);
    TYPES.put(409, ConflictException.class);
    TYPES.put(422, UnprocessableEntityException.class);
    TYPES.put(429, RateLimitException.class);
    TYPES.put(500, ServerException.class);
    TYPES.put(503, ServerException.class);
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String operation : OPERATIONS.keySet()) {
      for (Map.Entry<Integer, Class<? extends ApiException>> type : TYPES.entrySet()) {
        cases.add(Arguments.of(operation, type.getKey(), type.getValue(), true));
        cases.add(Arguments.of(operation, type.getKey(), type.getValue(), false));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} -> {1} (json body: {3})")
  @MethodSource("cases")
  void anErrorStatusIsItsTypedException(
      String operation, int status, Class<? extends ApiException> type, boolean json) {
    String body = json
        ? "{\"error_code\":\"e" + status + "\",\"title\":\"Failure\",\"message\":\"Status " + status
            + " happened\"," + "\"request_id\":\"550e8400-e29b-41d4-a716-446655440000\"}"
        : "Failure: Status " + status + " happened";
    server.stubFor(any(anyUrl())
        .willReturn(aResponse()
            .withStatus(status)
            .withHeader("Content-Type", json ? "application/json" : "text/plain; charset=utf-8")
            .withHeader("X-Request-Id", "req-" + status)
            .withBody(body)));

    ApiException error =
        catchThrowableOfType(() -> OPERATIONS.get(operation).accept(client(server)), type);

    assertThat(error).as("exception of " + operation).isNotNull();
    assertThat(error.getClass()).isEqualTo(type);
    assertThat(error.statusCode()).isEqualTo(status);
    assertThat(error.header("X-Request-Id")).contains("req-" + status);
    assertThat(error.headers()).containsKey("x-request-id");
    assertThat(error.body()).isEqualTo(body);
    if (json) {
      assertThat(error.json()).isPresent();
      assertThat(error.json().get().get("error_code").asText()).isEqualTo("e" + status);
    } else {
      assertThat(error.json()).isEmpty();
    }
    assertThat(error.getMessage())
        .contains("HTTP " + status)
        .contains(operation.substring(0, operation.indexOf(' ')))
        .contains(operation.substring(operation.indexOf(' ') + 1))
        .contains("Status " + status + " happened")
        .doesNotContain(API_KEY);
    assertThat(server.getAllServeEvents())
        .as("requests made; the client does not retry")
        .hasSize(1);
  }

  @Test
  void theKeyIsRedactedEvenWhenTheServerEchoesIt() {
    String body = "{\"message\":\"Invalid API key: " + API_KEY + "\",\"key\":\"" + API_KEY + "\"}";
    server.stubFor(any(anyUrl())
        .willReturn(aResponse()
            .withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody(body)));

    for (Map.Entry<String, Consumer<Cartesia>> operation : OPERATIONS.entrySet()) {
      UnauthorizedException error = catchThrowableOfType(
          () -> operation.getValue().accept(client(server)), UnauthorizedException.class);
      assertThat(error).as(operation.getKey()).isNotNull();
      assertThat(error.getMessage())
          .as(operation.getKey())
          .contains("Invalid API key")
          .doesNotContain(API_KEY);
      assertThat(error.body()).as(operation.getKey()).doesNotContain(API_KEY);
      assertThat(error.toString()).as(operation.getKey()).doesNotContain(API_KEY);
    }
  }

  @Test
  void otherStatusesAreApiExceptions() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(418).withBody("I'm a teapot")));

    ApiException error =
        catchThrowableOfType(() -> client(server).voices().get("v1"), ApiException.class);

    assertThat(error.getClass()).isEqualTo(ApiException.class);
    assertThat(error.statusCode()).isEqualTo(418);
    assertThat(error.body()).isEqualTo("I'm a teapot");
    assertThat(error.getMessage()).isEqualTo("HTTP 418 from GET /voices/v1: I'm a teapot");
  }

  @Test
  void anEmptyErrorBodyStillNamesTheStatus() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));

    NotFoundException error =
        catchThrowableOfType(() -> client(server).voices().get("v1"), NotFoundException.class);

    assertThat(error.body()).isEmpty();
    assertThat(error.json()).isEmpty();
    assertThat(error.getMessage()).isEqualTo("HTTP 404 from GET /voices/v1");
  }
}
