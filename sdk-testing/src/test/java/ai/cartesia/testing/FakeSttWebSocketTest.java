package ai.cartesia.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.ws.AudioUpload;
import ai.cartesia.core.internal.ws.FrameDecoder;
import ai.cartesia.core.internal.ws.WebSocketChannel;
import ai.cartesia.core.internal.ws.WebSocketSession;
import ai.cartesia.core.ws.StreamSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake STT WebSocket, driven through the SDK's plain session and audio upload. */
@Timeout(30)
class FakeSttWebSocketTest {

  private final FakeCartesiaServer fake = FakeCartesiaServer.start();

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void transcribesOneWordPer100MillisecondsAndEndsAfterDone() {
    ClientContext client = ClientContext.create(
        ClientOptions.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build());
    WebSocketChannel<Object, JsonNode> channel = WebSocketChannel.<Object, JsonNode>builder(
            "stt/websocket", FrameDecoder.json(Json.mapper(), JsonNode.class))
        .constantQuery("cartesia_version", "2024-11-13")
        .apiKeyQueryParameter("api_key")
        .lastMessage(message -> message.path("type").asText().equals("done"))
        .build();
    try (WebSocketSession<Object, JsonNode> session = WebSocketSession.connect(
        client,
        channel,
        Map.of("model", "ink-whisper", "encoding", "pcm_s16le", "sample_rate", "16000"),
        StreamSettings.defaults())) {
      byte[] oneSecond = new byte[32_000];
      AudioUpload.send(
          session,
          new ByteArrayInputStream(oneSecond),
          640,
          Duration.ZERO,
          List.of("finalize", "done"));

      List<JsonNode> messages = new ArrayList<>();
      session.messages().iterator().forEachRemaining(messages::add);

      List<JsonNode> interim =
          messages.stream().filter(m -> !m.path("is_final").asBoolean(true)).toList();
      assertThat(interim).hasSize(10);
      assertThat(interim.get(9).get("text").asText())
          .isEqualTo("word1 word2 word3 word4 word5 word6 word7 word8 word9 word10");
      JsonNode last = messages.get(messages.size() - 3);
      assertThat(last.get("is_final").asBoolean()).isTrue();
      assertThat(last.get("words")).hasSize(10);
      assertThat(last.get("words").get(9).get("start").asDouble())
          .isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(messages.get(messages.size() - 2).get("type").asText()).isEqualTo("flush_done");
      assertThat(messages.get(messages.size() - 1).get("type").asText()).isEqualTo("done");
    }
  }
}
