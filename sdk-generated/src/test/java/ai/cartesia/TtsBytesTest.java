package ai.cartesia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.http.BinaryResponse;
import ai.cartesia.model.ApiInfo;
import ai.cartesia.model.Mp3OutputFormat;
import ai.cartesia.model.SupportedLanguage;
import ai.cartesia.model.TtsRequest;
import ai.cartesia.model.TtsRequestIdSpecifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TtsBytesTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private Cartesia client() {
    return Cartesia.builder()
        .apiKey("sk_test_123")
        .baseUrl(server.baseUrl())
        .maxRetries(0)
        .build();
  }

  @Test
  void postsTheRequestAndStreamsTheAudioBack() throws Exception {
    byte[] audio = new byte[64 * 1024];
    new Random(7).nextBytes(audio);
    server.stubFor(post("/tts/bytes")
        .willReturn(
            aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg").withBody(audio)));

    TtsRequest request = TtsRequest.builder()
        .modelId("sonic-2")
        .transcript("Hello, world!")
        .voice(TtsRequestIdSpecifier.builder()
            .id("694f9389-aac1-45b6-b726-9d9369183238")
            .build())
        .language(SupportedLanguage.EN)
        .outputFormat(
            Mp3OutputFormat.builder().sampleRate(44100).bitRate(128000).build())
        .build();
    byte[] received;
    try (BinaryResponse response = client().tts().bytes(request);
        InputStream body = response.stream()) {
      received = body.readAllBytes();
    }

    assertThat(received).isEqualTo(audio);
    server.verify(postRequestedFor(urlEqualTo("/tts/bytes"))
        .withHeader("X-API-Key", equalTo("sk_test_123"))
        .withHeader("Cartesia-Version", equalTo("2024-11-13"))
        .withHeader("Content-Type", matching("application/json.*"))
        .withHeader("User-Agent", matching("cartesia-java/.+"))
        .withRequestBody(equalToJson("""
            {"model_id":"sonic-2","transcript":"Hello, world!",
             "voice":{"mode":"id","id":"694f9389-aac1-45b6-b726-9d9369183238"},
             "language":"en",
             "output_format":{"container":"mp3","sample_rate":44100,"bit_rate":128000}}
            """)));
  }

  @Test
  void statusNeedsNoApiKey() {
    server.stubFor(get("/")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"ok\":true,\"version\":\"2024-11-13\",\"region\":\"us\"}")));

    ApiInfo info = client().apiStatus().get();

    assertThat(info.ok()).isTrue();
    assertThat(info.version()).isEqualTo("2024-11-13");
    assertThat(info.additionalProperties()).containsKey("region");
    server.verify(getRequestedFor(urlEqualTo("/")).withoutHeader("X-API-Key"));
  }
}
