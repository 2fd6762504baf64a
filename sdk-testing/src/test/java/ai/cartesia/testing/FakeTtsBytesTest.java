package ai.cartesia.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.audio.WavAudio;
import ai.cartesia.core.audio.WavFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake {@code POST /tts/bytes}: the transcript's audio in each container. */
@Timeout(30)
class FakeTtsBytesTest {

  private final FakeCartesiaServer fake =
      FakeCartesiaServer.builder().chunksPerGeneration(4).chunkBytes(160).start();
  private final FakeHttp http = new FakeHttp(fake);

  @AfterEach
  void stop() {
    fake.close();
  }

  private FakeHttp.Answer bytes(String transcript, String outputFormat) {
    return http.postJson(
        "tts/bytes",
        "{\"model_id\":\"sonic-2\",\"transcript\":\"" + transcript + "\","
            + "\"voice\":{\"mode\":\"id\",\"id\":\"" + FakeVoices.FIRST_ID
            + "\"},\"output_format\":" + outputFormat + "}");
  }

  @Test
  void rawIsTheSpeechOfTheTranscript() {
    FakeHttp.Answer answer = bytes(
        "Hello, world!",
        "{\"container\":\"raw\",\"encoding\":\"pcm_s16le\",\"sample_rate\":16000}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().get("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(answer.body()).isEqualTo(FakeAudio.speech("Hello, world!", 4, 160));
  }

  @Test
  void wavIsThatSpeechInAWavFileOfTheFormatAskedFor() throws IOException {
    FakeHttp.Answer answer = bytes(
        "Hello, world!",
        "{\"container\":\"wav\",\"encoding\":\"pcm_f32le\",\"sample_rate\":44100}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().get("Content-Type")).isEqualTo("audio/wav");
    assertThat(answer.body()).isEqualTo(FakeAudio.wav("Hello, world!", 4, 160, "pcm_f32le", 44100));
    try (WavAudio wav = WavFile.read(new ByteArrayInputStream(answer.body()))) {
      assertThat(wav.encoding()).isEqualTo(WavFile.Encoding.PCM_F32LE);
      assertThat(wav.sampleRate()).isEqualTo(44100);
      assertThat(wav.stream().readAllBytes()).isEqualTo(FakeAudio.speech("Hello, world!", 4, 160));
    }
  }

  @Test
  void mp3IsTheSameBytesUnderAnMp3Type() {
    FakeHttp.Answer answer =
        bytes("Hello", "{\"container\":\"mp3\",\"sample_rate\":44100,\"bit_rate\":128000}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().get("Content-Type")).isEqualTo("audio/mpeg");
    assertThat(answer.body()).isEqualTo(FakeAudio.speech("Hello", 4, 160));
  }

  @Test
  void anInvalidRequestIs400AndAFailingTranscript500() {
    FakeHttp.Answer noBitRate = bytes("Hello", "{\"container\":\"mp3\",\"sample_rate\":44100}");
    assertThat(noBitRate.status()).isEqualTo(400);
    assertThat(noBitRate.json().path("message").asText()).contains("bit_rate");
    assertThat(bytes("Hello", "{\"container\":\"ogg\",\"sample_rate\":44100}").status())
        .isEqualTo(400);
    assertThat(http.postJson("tts/bytes", "[]").status()).isEqualTo(400);

    FakeHttp.Answer failed = bytes(
        "say " + FakeCartesiaServer.FAILING_TRANSCRIPT,
        "{\"container\":\"raw\",\"encoding\":\"pcm_s16le\",\"sample_rate\":16000}");
    assertThat(failed.status()).isEqualTo(500);
  }
}
