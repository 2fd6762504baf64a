package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cartesia.core.audio.CollectedSpeech;
import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.sse.EventStream;
import ai.cartesia.model.RawEncoding;
import ai.cartesia.model.SseOutputFormat;
import ai.cartesia.model.TtsRequestIdSpecifier;
import ai.cartesia.model.TtsSseRequest;
import ai.cartesia.model.WebSocketErrorResponse;
import ai.cartesia.model.WebSocketResponse;
import ai.cartesia.testing.FakeAudio;
import ai.cartesia.testing.FakeCartesiaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TTS over Server-Sent Events through the SDK's public API, against the loopback fake. */
@Timeout(30)
class TtsSseTest {

  @Test
  void streamsTypedEventsWithTheAudioDecoded() {
    try (FakeCartesiaServer fake = FakeCartesiaServer.start()) {
      Cartesia client =
          Cartesia.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
      TtsSseRequest request = TtsSseRequest.builder()
          .modelId("sonic-2")
          .transcript("Hello over server-sent events.")
          .voice(TtsRequestIdSpecifier.builder()
              .id("694f9389-aac1-45b6-b726-9d9369183238")
              .build())
          .outputFormat(SseOutputFormat.builder()
              .encoding(RawEncoding.PCM_F32LE)
              .sampleRate(44100)
              .build())
          .addTimestamps(true)
          .contextId("sse-1")
          .build();

      CollectedSpeech speech;
      try (EventStream<WebSocketResponse> events = client.tts().sse(request)) {
        speech = client.tts().collectSpeech(events);
      }

      assertThat(speech.audio())
          .isEqualTo(FakeAudio.speech(
              "Hello over server-sent events.", fake.chunksPerGeneration(), fake.chunkBytes()));
      assertThat(speech.words())
          .extracting(w -> w.word())
          .containsExactly("Hello", "over", "server-sent", "events.");
    }
  }

  @Test
  void aGenerationThatFailsMidStreamIsAStreamErrorWhenCollected() {
    try (FakeCartesiaServer fake = FakeCartesiaServer.start()) {
      Cartesia client =
          Cartesia.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
      TtsSseRequest request = TtsSseRequest.builder()
          .modelId("sonic-2")
          .transcript("This one fails " + FakeCartesiaServer.FAILING_TRANSCRIPT)
          .voice(TtsRequestIdSpecifier.builder()
              .id("694f9389-aac1-45b6-b726-9d9369183238")
              .build())
          .outputFormat(SseOutputFormat.builder()
              .encoding(RawEncoding.PCM_S16LE)
              .sampleRate(16000)
              .build())
          .build();

      try (EventStream<WebSocketResponse> events = client.tts().sse(request)) {
        StreamErrorException error = catchThrowableOfType(
            StreamErrorException.class, () -> client.tts().collectSpeech(events));

        assertThat(error).hasMessageContaining(FakeCartesiaServer.FAILING_TRANSCRIPT);
        assertThat(error.serverMessage()).isInstanceOf(WebSocketErrorResponse.class);
      }
    }
  }
}
