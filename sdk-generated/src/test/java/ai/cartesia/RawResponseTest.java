package ai.cartesia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.http.BinaryResponse;
import ai.cartesia.core.http.RawResponse;
import ai.cartesia.model.Mp3OutputFormat;
import ai.cartesia.model.TtsRequest;
import ai.cartesia.model.TtsRequestIdSpecifier;
import ai.cartesia.model.Voice;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code withRawResponse()}: the status and headers of a response, with its decoded body. */
class RawResponseTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private Cartesia client() {
    return Cartesia.builder()
        .apiKey("sk_test_raw")
        .baseUrl(server.baseUrl())
        .maxRetries(0)
        .build();
  }

  @Test
  void aJsonResponseComesWithItsStatusAndHeaders() {
    server.stubFor(get("/voices/v1")
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withHeader("X-Request-Id", "req-42")
            .withBody("{\"id\":\"v1\",\"is_owner\":true,\"name\":\"Ada\",\"description\":\"d\","
                + "\"created_at\":\"2024-11-13T07:06:22Z\",\"language\":\"en\"}")));

    RawResponse<Voice> response = client().voices().withRawResponse().get("v1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("x-request-id")).contains("req-42");
    assertThat(response.header("X-Request-Id")).contains("req-42");
    assertThat(response.body().name()).isEqualTo("Ada");
  }

  @Test
  void anEmptyResponseHasItsStatus() {
    server.stubFor(delete("/voices/v1").willReturn(aResponse().withStatus(204)));

    RawResponse<Void> response = client().voices().withRawResponse().delete("v1");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isNull();
  }

  @Test
  void aBinaryResponseStaysAStream() throws Exception {
    server.stubFor(post("/tts/bytes")
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "audio/mpeg")
            .withBody(new byte[] {1, 2, 3})));
    TtsRequest request = TtsRequest.builder()
        .modelId("sonic-2")
        .transcript("Hi")
        .voice(TtsRequestIdSpecifier.builder().id("v").build())
        .outputFormat(
            Mp3OutputFormat.builder().sampleRate(44100).bitRate(128000).build())
        .build();

    RawResponse<BinaryResponse> response = client().tts().withRawResponse().bytes(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("audio/mpeg");
    try (BinaryResponse body = response.body()) {
      assertThat(body.stream().readAllBytes()).containsExactly(1, 2, 3);
    }
  }
}
