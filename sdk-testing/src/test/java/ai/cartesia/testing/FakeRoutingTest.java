package ai.cartesia.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which requests reach which endpoint: unknown paths, doubled slashes, keys and methods. */
@Timeout(30)
class FakeRoutingTest {

  private final FakeCartesiaServer fake = FakeCartesiaServer.start();
  private final FakeHttp http = new FakeHttp(fake);

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void anUnknownPathIsA404WithAJsonErrorWhateverTheKey() {
    FakeHttp.Answer withKey = http.get("no/such/thing");
    assertThat(withKey.status()).isEqualTo(404);
    assertThat(withKey.json().path("error_code").asText()).isEqualTo("not_found");
    assertThat(withKey.json().path("message").asText()).contains("GET /no/such/thing");

    FakeHttp.Answer withoutKey =
        http.call(new Request.Builder().url(fake.baseUrl() + "tts/nothing").build());
    assertThat(withoutKey.status()).isEqualTo(404);
  }

  @Test
  void aWrongKeyOnAKnownPathIs401() {
    FakeHttp.Answer answer =
        http.call(http.request("voices").header("X-API-Key", "sk_wrong").get().build());
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().path("message").asText()).isEqualTo("Invalid API key");
    assertThat(new String(answer.body())).doesNotContain("sk_wrong");
  }

  @Test
  void doubledAndTrailingSlashesNameTheSameEndpoint() {
    assertThat(http.get("/voices/" + FakeVoices.FIRST_ID).json().path("id").asText())
        .isEqualTo(FakeVoices.FIRST_ID);
    assertThat(http.get("voices/").json().path("data")).hasSize(10);
    assertThat(http.get("//voices//").json().path("data")).hasSize(10);
  }

  /** What the official Python SDK 2.0.6 requests when given the fake's base URL, which ends with a slash. */
  @Test
  void aWebSocketAtADoubleSlashUpgrades() throws Exception {
    OkHttpClient client = new OkHttpClient();
    CompletableFuture<Integer> opened = new CompletableFuture<>();
    Request request = new Request.Builder()
        .url(fake.baseUrl().replace("http", "ws") + "/tts/websocket?api_key=" + fake.apiKey()
            + "&cartesia_version=2024-11-13")
        .build();
    WebSocket socket = client.newWebSocket(request, new WebSocketListener() {
      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        opened.complete(response.code());
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        opened.completeExceptionally(
            new AssertionError("handshake failed: " + (response == null ? t : response.code()), t));
      }
    });
    assertThat(fake.takeRequest(java.time.Duration.ofSeconds(5)).getUrl().encodedPath())
        .isEqualTo("//tts/websocket");
    assertThat(opened.get(5, TimeUnit.SECONDS)).isEqualTo(101);
    socket.close(1000, null);
    client.dispatcher().executorService().shutdown();
  }

  @Test
  void aKnownPathWithTheWrongMethodIs405() {
    FakeHttp.Answer answer = http.get("tts/bytes");
    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.headers().get("Allow")).isEqualTo("POST");
  }

  @Test
  void anOperationOfTheApiTheFakeDoesNotServeIs501() {
    FakeHttp.Answer clone = http.call(http.request("voices/clone")
        .post(okhttp3.RequestBody.create(new byte[0]))
        .build());
    assertThat(clone.status()).isEqualTo(501);
    assertThat(clone.json().path("message").asText()).contains("POST /voices/clone");
    assertThat(http.call(http.request("voices/" + FakeVoices.FIRST_ID).delete().build())
            .status())
        .isEqualTo(501);
    assertThat(http.call(http.request("voices/" + FakeVoices.FIRST_ID)
                .put(okhttp3.RequestBody.create(new byte[0]))
                .build())
            .status())
        .as("not an operation of the API")
        .isEqualTo(405);
  }

  @Test
  void theStatusNeedsNoKeyAndEveryAnswerHasARequestId() {
    FakeHttp.Answer status = http.call(new Request.Builder().url(fake.baseUrl()).build());
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().path("ok").asBoolean()).isTrue();
    assertThat(status.json().path("version").asText()).isEqualTo("2024-11-13");
    String first = status.headers().get("X-Request-Id");
    String second = http.get("nowhere").headers().get("X-Request-Id");
    assertThat(first).isNotBlank();
    assertThat(second).isNotBlank().isNotEqualTo(first);
  }

  @Test
  void httpFailuresComeAsToldThenStop() {
    fake.faults(Faults.none().failHttpWith(429, 2));
    FakeHttp.Answer limited = http.get("voices");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.headers().get("Retry-After")).isEqualTo("1");
    assertThat(limited.json().path("error_code").asText()).isEqualTo("rate_limited");
    assertThat(http.get("voices").status()).isEqualTo(429);
    assertThat(http.get("voices").status()).isEqualTo(200);

    fake.faults(Faults.none().failHttpWith(500));
    for (int i = 0; i < 3; i++) {
      FakeHttp.Answer failed = http.get("voices/" + FakeVoices.FIRST_ID);
      assertThat(failed.status()).isEqualTo(500);
      assertThat(failed.headers().get("Retry-After")).isNull();
    }
    assertThat(http.get("no/such/path").status()).as("unknown paths stay 404").isEqualTo(404);
    fake.faults(Faults.none());
    assertThat(http.get("voices/" + FakeVoices.FIRST_ID).status()).isEqualTo(200);
  }
}
