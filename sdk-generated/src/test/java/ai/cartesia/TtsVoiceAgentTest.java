package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.errors.StreamCancelledException;
import ai.cartesia.model.GenerationRequest;
import ai.cartesia.model.RawEncoding;
import ai.cartesia.model.TtsRequestIdSpecifier;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketDoneResponse;
import ai.cartesia.model.WebSocketFlushDoneResponse;
import ai.cartesia.model.WebSocketRawOutputFormat;
import ai.cartesia.model.WebSocketResponse;
import ai.cartesia.testing.FakeAudio;
import ai.cartesia.testing.FakeCartesiaServer;
import ai.cartesia.testing.Faults;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The typed TTS session as a voice agent uses it: text pushed piece by piece, flushes awaited, input ended. */
@Timeout(30)
class TtsVoiceAgentTest {

  private FakeCartesiaServer fake;
  private Cartesia client;

  @BeforeEach
  void start() {
    fake = FakeCartesiaServer.start();
    client = Cartesia.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private static GenerationRequest settings() {
    return GenerationRequest.builder()
        .modelId("sonic-2")
        .transcript("")
        .voice(TtsRequestIdSpecifier.builder()
            .id("a0e99841-438c-4a64-b679-ae501e7d6091")
            .build())
        .outputFormat(WebSocketRawOutputFormat.builder()
            .encoding(RawEncoding.PCM_S16LE)
            .sampleRate(16000)
            .build())
        .build();
  }

  private byte[] speech(String... pieces) {
    ByteArrayOutputStream audio = new ByteArrayOutputStream();
    for (String piece : pieces)
      audio.writeBytes(FakeAudio.speech(piece, fake.chunksPerGeneration(), fake.chunkBytes()));
    return audio.toByteArray();
  }

  @Test
  void pushedTextIsSpokenInOrderAndAFlushIsAcknowledgedBeforeTheEnd() throws Exception {
    try (TtsWebSocket session = client.tts().websocket()) {
      TtsContext agent = session.context(settings());
      agent.push("Hello, ");
      agent.push("how can I help?");
      agent.flush().get(10, TimeUnit.SECONDS);
      agent.push(" Bye.");
      agent.endInput();
      agent.endInput(); // idempotent

      List<WebSocketResponse> messages = new ArrayList<>();
      for (WebSocketResponse message : agent) messages.add(message);
      agent.finished().get(10, TimeUnit.SECONDS);

      ByteArrayOutputStream audio = new ByteArrayOutputStream();
      messages.stream()
          .filter(WebSocketChunkResponse.class::isInstance)
          .forEach(chunk -> audio.writeBytes(((WebSocketChunkResponse) chunk).data()));
      assertThat(audio.toByteArray()).isEqualTo(speech("Hello, ", "how can I help?", " Bye."));
      assertThat(messages)
          .filteredOn(WebSocketFlushDoneResponse.class::isInstance)
          .hasSize(1);
      assertThat(messages.get(messages.size() - 1)).isInstanceOf(WebSocketDoneResponse.class);
      assertThatThrownBy(() -> agent.push("late")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aContextOpenedForFullRequestsHasNoIncrementalText() {
    try (TtsWebSocket session = client.tts().websocket()) {
      TtsContext plain = session.context();
      assertThatThrownBy(() -> plain.push("Hi"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("opened without settings");
    }
  }

  @Test
  void cancelEndsTheLocalStreamAtOnceAndItsFutureTellsWhenTheServerIsDone() throws Exception {
    fake.faults(Faults.none().delayEachFrame(Duration.ofMillis(10)));
    try (TtsWebSocket session = client.tts().websocket()) {
      TtsContext context = session.context(settings());
      context.push("A long text that will be cancelled.");
      var serverDone = context.cancel();
      assertThatThrownBy(() -> {
            for (WebSocketResponse ignored : context) {}
          })
          .isInstanceOf(StreamCancelledException.class);
      serverDone.get(10, TimeUnit.SECONDS);
      assertThat(session.contextIds()).doesNotContain(context.id());
    }
  }
}
