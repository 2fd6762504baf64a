package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.ws.WebSocketSession;
import ai.cartesia.model.GenerationRequest;
import ai.cartesia.model.RawEncoding;
import ai.cartesia.model.TtsRequestIdSpecifier;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketDoneResponse;
import ai.cartesia.model.WebSocketRawOutputFormat;
import ai.cartesia.model.WebSocketRequest;
import ai.cartesia.model.WebSocketResponse;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TtsWebSocketTest {

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void deliversChunksInOrderWithTheAudioIntact() throws Exception {
    List<byte[]> chunks = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 5; i++) {
      byte[] chunk = new byte[3_528];
      random.nextBytes(chunk);
      chunks.add(chunk);
    }
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
      @Override
      public void onMessage(WebSocket socket, String text) {
        received.add(text);
        for (byte[] chunk : chunks) {
          socket.send("{\"type\":\"chunk\",\"data\":\"" + Base64.getEncoder().encodeToString(chunk)
              + "\",\"done\":false,\"status_code\":206,\"step_time\":12.5,\"context_id\":\"ctx-1\"}");
        }
        socket.send("{\"type\":\"done\",\"done\":true,\"status_code\":206,\"context_id\":\"ctx-1\"}");
      }

      @Override
      public void onClosing(WebSocket socket, int code, String reason) {
        socket.close(1000, null);
      }
    }).build());

    Cartesia client = Cartesia.builder().apiKey("sk_test_secret").baseUrl(server.url("/").toString()).build();
    ByteArrayOutputStream audio = new ByteArrayOutputStream();
    int chunkCount = 0;
    try (WebSocketSession<WebSocketRequest, WebSocketResponse> session = client.tts().websocket()) {
      session.send(GenerationRequest.builder()
          .modelId("sonic-2")
          .transcript("Hello, world!")
          .voice(TtsRequestIdSpecifier.builder().id("a0e99841-438c-4a64-b679-ae501e7d6091").build())
          .outputFormat(WebSocketRawOutputFormat.builder().encoding(RawEncoding.PCM_S16LE).sampleRate(16000).build())
          .contextId("ctx-1")
          .build());
      while (true) {
        Optional<WebSocketResponse> message = session.receive(Duration.ofSeconds(5));
        assertThat(message).isPresent();
        if (message.get() instanceof WebSocketChunkResponse chunk) {
          assertThat(chunk.contextId()).contains("ctx-1");
          audio.write(chunk.data());
          chunkCount++;
        } else {
          assertThat(message.get()).isInstanceOf(WebSocketDoneResponse.class);
          break;
        }
      }
      assertThat(session.toString()).doesNotContain("sk_test_secret");
    }

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (byte[] chunk : chunks) expected.write(chunk);
    assertThat(chunkCount).isEqualTo(5);
    assertThat(audio.toByteArray()).isEqualTo(expected.toByteArray());

    RecordedRequest handshake = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(handshake.getUrl().encodedPath()).isEqualTo("/tts/websocket");
    assertThat(handshake.getUrl().queryParameter("api_key")).isEqualTo("sk_test_secret");
    assertThat(handshake.getUrl().queryParameter("cartesia_version")).isEqualTo("2024-11-13");
    assertThat(received.poll(5, TimeUnit.SECONDS)).contains("\"context_id\":\"ctx-1\"").contains("\"mode\":\"id\"")
        .contains("\"container\":\"raw\"");
  }
}
