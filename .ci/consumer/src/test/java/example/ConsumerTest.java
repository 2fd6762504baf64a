package example;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.cartesia.Cartesia;
import ai.cartesia.model.Voice;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

/** A call through the published SDK, as an application makes it. */
class ConsumerTest {

  @Test
  void callsTheApiThroughThePublishedArtifacts() {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    try {
      server.stubFor(get("/voices/v-1")
          .willReturn(aResponse()
              .withHeader("Content-Type", "application/json")
              .withBody(
                  "{\"id\":\"v-1\",\"name\":\"Narrator\",\"description\":\"calm\",\"is_owner\":true,"
                      + "\"created_at\":\"2025-01-01T00:00:00Z\",\"language\":\"en\"}")));

      try (Cartesia client = Cartesia.builder()
          .baseUrl(server.baseUrl())
          .apiKey("sk_test")
          .maxRetries(0)
          .build()) {
        Voice voice = client.voices().get("v-1");
        assertEquals("Narrator", voice.name());
      }
      server.verify(
          getRequestedFor(urlEqualTo("/voices/v-1")).withHeader("X-API-Key", equalTo("sk_test")));
    } finally {
      server.stop();
    }
  }
}
