package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.audio.WavFile;
import ai.cartesia.model.DoneMessage;
import ai.cartesia.model.FlushDoneMessage;
import ai.cartesia.model.StreamingTranscriptionResponse;
import ai.cartesia.model.SttEncoding;
import ai.cartesia.model.SttWebsocketParams;
import ai.cartesia.model.TranscriptMessage;
import ai.cartesia.testing.FakeCartesiaServer;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Live transcription through the SDK's public API: a WAV file streamed to the loopback fake. */
@Timeout(30)
class SttWebSocketTest {

  @TempDir
  Path temp;

  @Test
  void streamsAWavFileAndReceivesTranscriptsUntilDone() throws Exception {
    byte[] pcm = new byte[16_000 * 2]; // one second of pcm_s16le at 16 kHz
    new Random(1).nextBytes(pcm);
    Path wav = temp.resolve("speech.wav");
    WavFile.write(pcm, WavFile.Encoding.PCM_S16LE, 16_000, 1, wav);

    try (FakeCartesiaServer fake = FakeCartesiaServer.start()) {
      Cartesia client =
          Cartesia.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
      SttWebsocketParams params = SttWebsocketParams.builder()
          .model("ink-whisper")
          .language("en")
          .encoding(SttEncoding.PCM_S16LE)
          .sampleRate(16_000)
          .minVolume(0.1)
          .build();
      List<StreamingTranscriptionResponse> messages = new ArrayList<>();
      try (SttWebSocket session = client.stt().websocket(params);
          AudioInputStream audio = AudioSystem.getAudioInputStream(wav.toFile());
          InputStream samples = audio) {
        long sent = session.sendAudio(samples, 640, Duration.ZERO);
        session.finalizeAudio();
        session.done();
        assertThat(sent).isEqualTo(pcm.length);
        session.messages().iterator().forEachRemaining(messages::add);
      }

      assertThat(messages).last().isInstanceOf(DoneMessage.class);
      assertThat(messages).anySatisfy(m -> assertThat(m).isInstanceOf(FlushDoneMessage.class));
      List<TranscriptMessage> finals = messages.stream()
          .filter(TranscriptMessage.class::isInstance)
          .map(TranscriptMessage.class::cast)
          .filter(TranscriptMessage::isFinal)
          .toList();
      assertThat(finals).isNotEmpty();
      assertThat(String.join(" ", finals.stream().map(TranscriptMessage::text).toList()))
          .contains("word1")
          .contains("word10");
      assertThat(finals.get(0).words())
          .hasValueSatisfying(words -> assertThat(words).isNotEmpty());

      var handshake = fake.takeRequest(Duration.ofSeconds(5)).getUrl();
      assertThat(handshake.encodedPath()).isEqualTo("/stt/websocket");
      assertThat(handshake.queryParameter("model")).isEqualTo("ink-whisper");
      assertThat(handshake.queryParameter("encoding")).isEqualTo("pcm_s16le");
      assertThat(handshake.queryParameter("sample_rate")).isEqualTo("16000");
      assertThat(handshake.queryParameter("min_volume")).isEqualTo("0.1");
      assertThat(handshake.queryParameter("max_silence_duration_secs")).isNull();
    }
  }
}
