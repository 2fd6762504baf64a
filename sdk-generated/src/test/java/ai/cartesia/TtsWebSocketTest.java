package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.audio.CollectedSpeech;
import ai.cartesia.core.audio.WavFile;
import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.errors.UnauthorizedException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The TTS WebSocket through the SDK's public API, against the loopback fake of the API. */
@Timeout(30)
class TtsWebSocketTest {

  private FakeCartesiaServer fake;
  private Cartesia client;

  @TempDir
  Path temp;

  @BeforeEach
  void start() {
    fake = FakeCartesiaServer.start();
    client = Cartesia.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private static GenerationRequest.Builder generation(String transcript) {
    return GenerationRequest.builder()
        .modelId("sonic-2")
        .transcript(transcript)
        .voice(TtsRequestIdSpecifier.builder()
            .id("a0e99841-438c-4a64-b679-ae501e7d6091")
            .build())
        .outputFormat(WebSocketRawOutputFormat.builder()
            .encoding(RawEncoding.PCM_S16LE)
            .sampleRate(16000)
            .build());
  }

  private byte[] expectedAudio(String transcript) {
    return FakeAudio.speech(transcript, fake.chunksPerGeneration(), fake.chunkBytes());
  }

  @Test
  void twoContextsOnOneSocketEachGetTheirOwnAudioAndWords() throws Exception {
    try (TtsWebSocket session = client.tts().websocket()) {
      TtsContext first = session.context("first");
      TtsContext second = session.context("second");
      first.send(generation("Hello from the first context.").addTimestamps(true).build());
      second.send(
          generation("And hello from the second one.").addTimestamps(true).build());

      CollectedSpeech one = client.tts().collectSpeech(first.iterator());
      CollectedSpeech two = client.tts().collectSpeech(second.iterator());

      assertThat(one.audio()).isEqualTo(expectedAudio("Hello from the first context."));
      assertThat(two.audio()).isEqualTo(expectedAudio("And hello from the second one."));
      assertThat(one.words())
          .extracting(w -> w.word())
          .containsExactlyElementsOf(FakeAudio.words("Hello from the first context."));
      assertThat(two.words()).hasSize(6);
    }
    var handshake = fake.takeRequest(Duration.ofSeconds(5));
    assertThat(handshake.getUrl().queryParameter("cartesia_version")).isEqualTo("2024-11-13");
    assertThat(handshake.getUrl().queryParameter("api_key")).isEqualTo(fake.apiKey());
  }

  @Test
  void continuingAndFlushingAContext() {
    try (var session = client.tts().websocket()) {
      var context = session.context();
      context.send(generation("Part one, ").continueValue(true).build());
      context.send(generation("").continueValue(true).flush(true).build());
      context.send(generation("and part two.").continueValue(false).build());

      List<WebSocketResponse> messages = new ArrayList<>();
      context.iterator().forEachRemaining(messages::add);

      assertThat(messages).last().isInstanceOf(WebSocketDoneResponse.class);
      assertThat(messages)
          .filteredOn(WebSocketFlushDoneResponse.class::isInstance)
          .singleElement()
          .satisfies(m -> assertThat(((WebSocketFlushDoneResponse) m).flushId()).isEqualTo(1));
      assertThat(messages)
          .allSatisfy(m -> assertThat(m).isNotInstanceOf(WebSocketResponse.Unknown.class));
      byte[] audio = CollectedSpeech.audio(
          messages.iterator(), m -> m instanceof WebSocketChunkResponse c ? c.data() : null);
      byte[] partOne = expectedAudio("Part one, ");
      byte[] partTwo = expectedAudio("and part two.");
      byte[] both = new byte[partOne.length + partTwo.length];
      System.arraycopy(partOne, 0, both, 0, partOne.length);
      System.arraycopy(partTwo, 0, both, partOne.length, partTwo.length);
      assertThat(audio).isEqualTo(both);
    }
  }

  @Test
  void aHundredContextsAtOnceEachReceiveTheirBytesInOrder() throws Exception {
    int contexts = 100;
    ExecutorService readers = Executors.newFixedThreadPool(8);
    try (var session = client.tts().websocket()) {
      List<TtsContext> opened = new ArrayList<>();
      for (int i = 0; i < contexts; i++) opened.add(session.context("ctx-" + i));
      for (int i = 0; i < contexts; i++)
        opened.get(i).send(generation("Sentence number " + i + ".").build());
      List<Future<byte[]>> audio = new ArrayList<>();
      for (var context : opened)
        audio.add(
            readers.submit(() -> client.tts().collectSpeech(context.iterator()).audio()));
      for (int i = 0; i < contexts; i++) {
        assertThat(audio.get(i).get())
            .as("context %d", i)
            .isEqualTo(expectedAudio("Sentence number " + i + "."));
      }
    } finally {
      readers.shutdownNow();
    }
  }

  @Test
  void anErrorEndsOnlyItsOwnContext() {
    try (var session = client.tts().websocket()) {
      var failing = session.context("failing");
      var fine = session.context("fine");
      failing.send(generation("This one fails [error].").build());
      fine.send(generation("This one works.").build());

      assertThatThrownBy(() -> client.tts().collectSpeech(failing.iterator()))
          .isInstanceOf(StreamErrorException.class)
          .hasMessageContaining("[error]");
      assertThat(client.tts().collectSpeech(fine.iterator()).audio())
          .isEqualTo(expectedAudio("This one works."));
    }
  }

  @Test
  void aDroppedConnectionEndsOpenContextsWithATypedErrorAfterTheirMessages() {
    fake.faults(Faults.none().dropAfter(3));
    try (var session = client.tts().websocket()) {
      var context = session.context();
      context.send(generation("Never finished.").build());
      List<WebSocketResponse> received = new ArrayList<>();
      var messages = context.iterator();
      assertThatThrownBy(() -> messages.forEachRemaining(received::add))
          .isInstanceOf(TransportException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(fake.apiKey()));
      assertThat(received)
          .hasSize(3)
          .allSatisfy(m -> assertThat(m).isInstanceOf(WebSocketChunkResponse.class));
    }
  }

  @Test
  void cancellingAContextEndsItAndLeavesOthersAlone() {
    fake.faults(Faults.none().delayEachFrame(Duration.ofMillis(20)));
    try (var session = client.tts().websocket()) {
      var cancelled = session.context("cancelled");
      var kept = session.context("kept");
      cancelled.send(generation("Long text that will be cancelled.").build());
      kept.send(generation("Kept.").build());
      cancelled.cancel();
      assertThat(cancelled.isOpen()).isFalse();
      assertThat(client.tts().collectSpeech(kept.iterator()).audio())
          .isEqualTo(expectedAudio("Kept."));
    }
  }

  @Test
  void aWrongKeyIsRefusedWithAnUnauthorizedErrorThatDoesNotShowTheKey() {
    Cartesia wrong =
        Cartesia.builder().baseUrl(fake.baseUrl()).apiKey("sk_wrong_SECRET_123").build();
    assertThatThrownBy(() -> wrong.tts().websocket())
        .isInstanceOf(UnauthorizedException.class)
        .satisfies(e ->
            assertThat(e.getMessage()).doesNotContain("sk_wrong_SECRET_123").contains("401"));
  }

  @Test
  void collectedSpeechCanBeWrittenAsAWavFile() throws Exception {
    Path wav = temp.resolve("speech.wav");
    try (var session = client.tts().websocket()) {
      var context = session.context();
      context.send(generation("Into a file.").build());
      byte[] audio = client.tts().collectSpeech(context.iterator()).audio();
      WavFile.write(audio, WavFile.Encoding.PCM_S16LE, 16000, 1, wav);
      assertThat(Files.size(wav)).isGreaterThan(audio.length);
      try (var stream = AudioSystem.getAudioInputStream(wav.toFile())) {
        assertThat(stream.getFormat().getSampleRate()).isEqualTo(16000f);
        assertThat(stream.readAllBytes()).isEqualTo(audio);
      }
    }
  }
}
