package ai.cartesia.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every raw encoding Cartesia streams becomes a WAV file with the right header and the audio intact. */
class WavFileTest {

  @ParameterizedTest
  @CsvSource({"pcm_s16le, 1, 16000, 2", "pcm_f32le, 3, 44100, 4", "pcm_mulaw, 7, 8000, 1", "pcm_alaw, 6, 8000, 1"})
  void writesTheHeaderOfEachEncoding(String wireName, int formatTag, int sampleRate, int bytesPerSample,
      @TempDir Path directory) throws Exception {
    byte[] audio = new byte[bytesPerSample * 100];
    for (int i = 0; i < audio.length; i++) audio[i] = (byte) (i * 7);
    Path file = directory.resolve("speech.wav");

    WavFile.write(audio, WavFile.Encoding.of(wireName), sampleRate, 1, file);
    byte[] wav = Files.readAllBytes(file);

    ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(wav, 0, 4, "US-ASCII")).isEqualTo("RIFF");
    assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
    assertThat(new String(wav, 8, 8, "US-ASCII")).isEqualTo("WAVEfmt ");
    assertThat(header.getShort(20)).as("format tag").isEqualTo((short) formatTag);
    assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
    assertThat(header.getInt(24)).as("sample rate").isEqualTo(sampleRate);
    assertThat(header.getInt(28)).as("byte rate").isEqualTo(sampleRate * bytesPerSample);
    assertThat(header.getShort(34)).as("bits per sample").isEqualTo((short) (bytesPerSample * 8));
    assertThat(Arrays.copyOfRange(wav, wav.length - audio.length, wav.length)).isEqualTo(audio);

    try (AudioInputStream back = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
      AudioFormat format = back.getFormat();
      assertThat(format.getSampleRate()).isEqualTo((float) sampleRate);
      assertThat(back.getFrameLength()).isEqualTo(100);
      assertThat(back.readAllBytes()).isEqualTo(audio);
    }
  }

  @ParameterizedTest
  @CsvSource({"pcm_s16le, 3", "pcm_f32le, 6"})
  void refusesAudioThatIsNotWholeFrames(String wireName, int length) {
    assertThatThrownBy(() -> WavFile.of(new byte[length], WavFile.Encoding.of(wireName), 16000, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
  }
}
