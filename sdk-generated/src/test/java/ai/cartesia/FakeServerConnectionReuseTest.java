package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.sse.EventStream;
import ai.cartesia.model.RawEncoding;
import ai.cartesia.model.SseOutputFormat;
import ai.cartesia.model.TtsRequestIdSpecifier;
import ai.cartesia.model.TtsSseRequest;
import ai.cartesia.model.Voice;
import ai.cartesia.model.WebSocketDoneResponse;
import ai.cartesia.model.WebSocketResponse;
import ai.cartesia.testing.FakeCartesiaServer;
import ai.cartesia.testing.FakeVoices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fake leaves a pooled connection clean after an SSE stream: with retries off, the SDK's next
 * call goes over the same connection and succeeds (a stray byte after the stream used to make it
 * fail with "Unexpected status line").
 */
@Timeout(30)
class FakeServerConnectionReuseTest {

  @Test
  void aCallAfterAnSseStreamReadToItsEndReusesTheConnection() throws Exception {
    try (FakeCartesiaServer fake = FakeCartesiaServer.start();
        Cartesia client = Cartesia.builder()
            .baseUrl(fake.baseUrl())
            .apiKey(fake.apiKey())
            .maxRetries(0)
            .build()) {
      TtsSseRequest request = TtsSseRequest.builder()
          .modelId("sonic-2")
          .transcript("Hello, world!")
          .voice(TtsRequestIdSpecifier.builder().id(FakeVoices.FIRST_ID).build())
          .outputFormat(SseOutputFormat.builder()
              .encoding(RawEncoding.PCM_S16LE)
              .sampleRate(16000)
              .build())
          .build();
      for (int round = 0; round < 2; round++) {
        List<WebSocketResponse> events = new ArrayList<>();
        try (EventStream<WebSocketResponse> stream = client.tts().sse(request)) {
          stream.forEachRemaining(events::add);
        }
        assertThat(events).last().isInstanceOf(WebSocketDoneResponse.class);
        Voice voice = client.voices().get(FakeVoices.FIRST_ID);
        assertThat(voice.name()).isEqualTo(FakeVoices.get(0).name());
      }

      List<RecordedRequest> requests = new ArrayList<>();
      for (int i = 0; i < 4; i++) requests.add(fake.takeRequest(Duration.ofSeconds(1)));
      assertThat(requests)
          .extracting(RecordedRequest::getTarget)
          .containsExactly(
              "/tts/sse",
              "/voices/" + FakeVoices.FIRST_ID,
              "/tts/sse",
              "/voices/" + FakeVoices.FIRST_ID);
      assertThat(requests).extracting(RecordedRequest::getConnectionIndex).containsOnly(0);
      assertThat(fake.connectionCount()).isEqualTo(1);
    }
  }
}
