package ai.cartesia;

import static ai.cartesia.WireSupport.authenticated;
import static ai.cartesia.WireSupport.client;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.model.TokenGrant;
import ai.cartesia.model.TokenRequest;
import ai.cartesia.model.TokenResponse;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /access-token}. */
@Timeout(30)
class AuthOperationsTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJncmFudHMiOnsidHRzIjp0cnVlfX0.sig";

  @Test
  void accessTokenPostsTheGrantsAndDecodesTheToken() {
    server.stubFor(post("/access-token")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"token\":\"" + TOKEN + "\",\"expires_at\":\"2025-01-01T00:00:00Z\"}")));

    TokenResponse response = client(server)
        .auth()
        .accessToken(TokenRequest.builder()
            .grants(TokenGrant.builder().tts(true).stt(true).build())
            .expiresIn(60L)
            .build());

    assertThat(response.token()).isEqualTo(TOKEN);
    assertThat(response.additionalProperties()).containsOnlyKeys("expires_at");
    server.verify(
        1,
        authenticated(postRequestedFor(urlEqualTo("/access-token")))
            .withHeader("Content-Type", matching("application/json.*"))
            .withRequestBody(
                equalToJson("{\"grants\":{\"tts\":true,\"stt\":true},\"expires_in\":60}")));
  }

  @Test
  void leftOutOptionalFieldsAreNotSent() {
    server.stubFor(post("/access-token")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"token\":\"t\"}")));

    client(server)
        .auth()
        .accessToken(TokenRequest.builder()
            .grants(TokenGrant.builder().tts(true).build())
            .build());

    // equalToJson without extra elements allowed: "expires_in" and "stt" must be absent, not null.
    server.verify(
        1,
        postRequestedFor(urlEqualTo("/access-token"))
            .withRequestBody(equalToJson("{\"grants\":{\"tts\":true}}", false, false)));
  }

  @Test
  void accessTokenAsyncDecodesTheToken() throws Exception {
    server.stubFor(post("/access-token")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"token\":\"" + TOKEN + "\"}")));

    TokenResponse response = client(server)
        .auth()
        .accessTokenAsync(TokenRequest.builder().expiresIn(3600L).build())
        .get(10, TimeUnit.SECONDS);

    assertThat(response.token()).isEqualTo(TOKEN);
    server.verify(
        1,
        authenticated(postRequestedFor(urlEqualTo("/access-token")))
            .withRequestBody(equalToJson("{\"expires_in\":3600}", false, false)));
  }
}
