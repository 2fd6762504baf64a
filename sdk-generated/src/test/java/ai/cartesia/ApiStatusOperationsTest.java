package ai.cartesia;

import static ai.cartesia.WireSupport.API_KEY;
import static ai.cartesia.WireSupport.client;
import static ai.cartesia.WireSupport.onlyRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.model.ApiInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /}: the only operation that needs no API key. */
@Timeout(30)
class ApiStatusOperationsTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String INFO =
      "{\"ok\":true,\"version\":\"2024-11-13\",\"region\":\"us-west\",\"build\":{\"sha\":\"abc\"}}";

  @Test
  void getSendsNoApiKeyAndDecodesTheInfo() {
    server.stubFor(get("/")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(INFO)));

    ApiInfo info = client(server).apiStatus().get();

    assertThat(info.ok()).isTrue();
    assertThat(info.version()).isEqualTo("2024-11-13");
    assertThat(info.additionalProperties()).containsOnlyKeys("region", "build");
    assertThat(info.additionalProperties().get("region").asText()).isEqualTo("us-west");
    assertThat(info.additionalProperties().get("build").get("sha").asText()).isEqualTo("abc");
    server.verify(
        1,
        getRequestedFor(urlEqualTo("/"))
            .withoutHeader("X-API-Key")
            .withHeader("Cartesia-Version", equalTo("2024-11-13"))
            .withHeader("User-Agent", matching("cartesia-java/.+")));
    LoggedRequest request = onlyRequest(server);
    assertThat(request.getAllHeaderKeys()).noneMatch(name -> name.equalsIgnoreCase("X-API-Key"));
    assertThat(request.getHeaders().all().toString()).doesNotContain(API_KEY);
    assertThat(request.getUrl()).isEqualTo("/");
  }

  @Test
  void getAsyncDecodesTheInfo() throws Exception {
    server.stubFor(get("/")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(INFO)));

    ApiInfo info = client(server).apiStatus().getAsync().get(10, TimeUnit.SECONDS);

    assertThat(info.ok()).isTrue();
    assertThat(info.version()).isEqualTo("2024-11-13");
    server.verify(1, getRequestedFor(urlEqualTo("/")).withoutHeader("X-API-Key"));
  }

  @Test
  void aBaseUrlWithAPathKeepsItsPath() {
    server.stubFor(get("/proxy/cartesia/")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"ok\":false,\"version\":\"2024-11-13\"}")));

    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl() + "/proxy/cartesia")
        .maxRetries(0)
        .build();
    ApiInfo info = client.apiStatus().get();

    assertThat(info.ok()).isFalse();
    server.verify(1, getRequestedFor(urlEqualTo("/proxy/cartesia/")));
  }
}
