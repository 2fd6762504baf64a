package ai.cartesia.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cartesia.core.audio.CollectedSpeech;
import ai.cartesia.core.audio.WordTiming;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.json.TextDecoder;
import ai.cartesia.core.internal.sse.ResponseEventStream;
import ai.cartesia.core.sse.EventStream;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake TTS SSE endpoint, read through the SDK's event stream. */
@Timeout(30)
class FakeTtsSseTest {

  private final OkHttpClient http = new OkHttpClient();
  private FakeCartesiaServer fake;

  @AfterEach
  void stop() {
    fake.close();
  }

  private Call post(String key) {
    String body = Json.mapper()
        .valueToTree(FakeTtsWebSocketTest.generation("Hello, world!", false))
        .toString();
    return http.newCall(new Request.Builder()
        .url(fake.baseUrl() + "tts/sse")
        .header("X-API-Key", key)
        .header("Cartesia-Version", "2024-11-13")
        .post(RequestBody.create(body, MediaType.get("application/json")))
        .build());
  }

  private EventStream<JsonNode> open(Call call) throws IOException {
    Response response = call.execute();
    assertThat(response.code()).isEqualTo(200);
    return ResponseEventStream.builder(
            response.body(), TextDecoder.json(Json.mapper(), JsonNode.class))
        .call(call)
        .endsAfter(message -> message.path("done").asBoolean(false))
        .build();
  }

  @Test
  void streamsChunksTimestampsAndDone() throws IOException {
    fake = FakeCartesiaServer.start();
    try (EventStream<JsonNode> events = open(post(fake.apiKey()))) {
      CollectedSpeech speech =
          CollectedSpeech.collect(events, FakeTtsWebSocketTest.AUDIO, FakeTtsWebSocketTest.WORDS);
      assertThat(speech.audio()).isEqualTo(FakeAudio.speech("Hello, world!", 3, 320));
      assertThat(speech.words()).extracting(WordTiming::word).containsExactly("Hello,", "world!");
    }
  }

  /**
   * A stream read to its end leaves its connection clean for the next call: with no retry to
   * hide a stray byte, the second call succeeds on the same connection.
   */
  @Test
  void theConnectionOfAFinishedStreamServesTheNextCall() throws Exception {
    fake = FakeCartesiaServer.start();
    OkHttpClient noRetries = http.newBuilder().retryOnConnectionFailure(false).build();
    for (int call = 0; call < 3; call++) {
      try (Response response = noRetries.newCall(post(fake.apiKey()).request()).execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().string())
            .endsWith("\"type\":\"done\",\"done\":true,\"status_code\":200}\n\n");
      }
    }
    assertThat(fake.connectionCount()).isEqualTo(1);
    assertThat(noRetries.connectionPool().connectionCount()).isEqualTo(1);
    for (int call = 0; call < 3; call++) {
      assertThat(fake.takeRequest(java.time.Duration.ofSeconds(1)).getExchangeIndex())
          .isEqualTo(call);
    }
  }

  @Test
  void refusesAWrongKey() throws IOException {
    fake = FakeCartesiaServer.start();
    try (Response response = post("sk_wrong").execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
  }

  @Test
  void dropsTheStreamWhenToldTo() throws IOException {
    fake = FakeCartesiaServer.builder().faults(Faults.none().dropAfter(2)).start();
    try (EventStream<JsonNode> events = open(post(fake.apiKey()))) {
      events.next();
      events.next();
      assertThat(catchThrowableOfType(TransportException.class, events::hasNext))
          .hasMessageContaining("after 2 events");
    }
  }
}
