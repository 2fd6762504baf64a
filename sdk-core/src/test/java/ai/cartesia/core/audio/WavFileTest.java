package ai.cartesia.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every raw encoding Cartesia streams becomes a WAV file with the right header and the audio
 * intact, written and read back without {@code javax.sound}; the JDK's own reader (used here, in
 * a test only) agrees.
 */
class WavFileTest {

  private static byte[] audio(int length) {
    byte[] audio = new byte[length];
    for (int i = 0; i < audio.length; i++) audio[i] = (byte) (i * 7);
    return audio;
  }

  @ParameterizedTest
  @CsvSource({
    "pcm_s16le, 1, 16000, 2, 1",
    "pcm_s16le, 1, 16000, 2, 2",
    "pcm_f32le, 3, 44100, 4, 1",
    "pcm_mulaw, 7, 8000, 1, 1",
    "pcm_alaw, 6, 8000, 1, 1"
  })
  void writesTheHeaderOfEachEncoding(
      String wireName,
      int formatTag,
      int sampleRate,
      int bytesPerSample,
      int channels,
      @TempDir Path directory)
      throws Exception {
    byte[] audio = audio(bytesPerSample * channels * 100);
    Path file = directory.resolve("speech.wav");

    WavFile.write(audio, WavFile.Encoding.of(wireName), sampleRate, channels, file);
    byte[] wav = Files.readAllBytes(file);

    ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    boolean integerPcm = formatTag == 1;
    int fmtLength = integerPcm ? 16 : 18;
    assertThat(ascii(wav, 0)).isEqualTo("RIFF");
    assertThat(header.getInt(4)).as("RIFF length").isEqualTo(wav.length - 8);
    assertThat(ascii(wav, 8) + ascii(wav, 12)).isEqualTo("WAVEfmt ");
    assertThat(header.getInt(16)).as("fmt length").isEqualTo(fmtLength);
    assertThat(header.getShort(20)).as("format tag").isEqualTo((short) formatTag);
    assertThat(header.getShort(22)).as("channels").isEqualTo((short) channels);
    assertThat(header.getInt(24)).as("sample rate").isEqualTo(sampleRate);
    assertThat(header.getInt(28)).as("byte rate").isEqualTo(sampleRate * bytesPerSample * channels);
    assertThat(header.getShort(32)).as("block align").isEqualTo((short)
        (bytesPerSample * channels));
    assertThat(header.getShort(34)).as("bits per sample").isEqualTo((short) (bytesPerSample * 8));
    int next = 20 + fmtLength;
    if (!integerPcm) {
      assertThat(header.getShort(36)).as("cbSize").isZero();
      assertThat(ascii(wav, next)).isEqualTo("fact");
      assertThat(header.getInt(next + 4)).isEqualTo(4);
      assertThat(header.getInt(next + 8)).as("samples per channel").isEqualTo(100);
      next += 12;
    }
    assertThat(ascii(wav, next)).isEqualTo("data");
    assertThat(header.getInt(next + 4)).as("data length").isEqualTo(audio.length);
    assertThat(Arrays.copyOfRange(wav, next + 8, wav.length)).isEqualTo(audio);

    try (AudioInputStream back = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
      AudioFormat format = back.getFormat();
      assertThat(format.getSampleRate()).isEqualTo((float) sampleRate);
      assertThat(format.getChannels()).isEqualTo(channels);
      assertThat(format.getSampleSizeInBits()).isEqualTo(bytesPerSample * 8);
      assertThat(back.getFrameLength()).isEqualTo(100);
      assertThat(back.readAllBytes()).isEqualTo(audio);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "pcm_s16le, 16000, 2",
    "pcm_f32le, 44100, 1",
    "pcm_mulaw, 8000, 1",
    "pcm_alaw, 8000, 1"
  })
  void readsBackWhatItWrites(String wireName, int sampleRate, int channels, @TempDir Path directory)
      throws IOException {
    WavFile.Encoding encoding = WavFile.Encoding.of(wireName);
    byte[] audio = audio(encoding.bytesPerSample() * channels * 321);
    Path file = directory.resolve("speech.wav");
    WavFile.write(audio, encoding, sampleRate, channels, file);

    try (WavAudio wav = WavFile.open(file)) {
      assertThat(wav.encoding()).isEqualTo(encoding);
      assertThat(wav.sampleRate()).isEqualTo(sampleRate);
      assertThat(wav.channels()).isEqualTo(channels);
      assertThat(wav.dataLength()).isEqualTo(audio.length);
      assertThat(wav.stream().readAllBytes()).isEqualTo(audio);
    }
  }

  @Test
  void anOddLengthIsPaddedAndTheAudioEndsAtTheDataChunk() throws IOException {
    byte[] audio = audio(7);
    byte[] wav = WavFile.of(audio, WavFile.Encoding.PCM_MULAW, 8000, 1);
    assertThat(wav.length % 2).isZero();
    assertThat(ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(4))
        .isEqualTo(wav.length - 8);

    try (WavAudio back = WavFile.read(new ByteArrayInputStream(wav))) {
      assertThat(back.stream().readAllBytes()).isEqualTo(audio);
    }
  }

  /** Files from other writers: a LIST chunk before the data, WAVE_FORMAT_EXTENSIBLE, a streamed (unknown) length. */
  @Test
  void readsFilesFromOtherWriters() throws IOException {
    byte[] audio = audio(400);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    ByteBuffer fmt = ByteBuffer.allocate(40)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) 0xFFFE)
        .putShort((short) 1)
        .putInt(16000)
        .putInt(32000)
        .putShort((short) 2)
        .putShort((short) 16)
        .putShort((short) 22)
        .putShort((short) 16)
        .putInt(4)
        .putShort((short) 1); // cbSize, valid bits, mask, sub-format
    file.writeBytes(ascii("RIFF"));
    file.writeBytes(le(0));
    file.writeBytes(ascii("WAVE"));
    file.writeBytes(ascii("LIST"));
    file.writeBytes(le(5));
    file.writeBytes(new byte[] {1, 2, 3, 4, 5, 0});
    file.writeBytes(ascii("fmt "));
    file.writeBytes(le(40));
    file.writeBytes(fmt.array());
    file.writeBytes(ascii("data"));
    file.writeBytes(le(-1));
    file.writeBytes(audio);

    try (WavAudio wav = WavFile.read(new ByteArrayInputStream(file.toByteArray()))) {
      assertThat(wav.encoding()).isEqualTo(WavFile.Encoding.PCM_S16LE);
      assertThat(wav.sampleRate()).isEqualTo(16000);
      assertThat(wav.dataLength()).isEqualTo(-1);
      assertThat(wav.stream().readAllBytes()).isEqualTo(audio);
    }
  }

  @Test
  void refusesWhatIsNotAWavFileOfACartesiaEncoding() {
    assertThatThrownBy(() -> WavFile.read(
            new ByteArrayInputStream("ID3 not a wave file".getBytes(StandardCharsets.US_ASCII))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RIFF....WAVE");
    byte[] wav = WavFile.of(audio(6), WavFile.Encoding.PCM_S16LE, 16000, 1);
    ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 24);
    assertThatThrownBy(() -> WavFile.read(new ByteArrayInputStream(wav)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("24 bits");
    byte[] cut = Arrays.copyOf(wav, 30);
    assertThatThrownBy(() -> WavFile.read(new ByteArrayInputStream(cut)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends inside its header");
  }

  @ParameterizedTest
  @CsvSource({"pcm_s16le, 3", "pcm_f32le, 6"})
  void refusesAudioThatIsNotWholeFrames(String wireName, int length) {
    assertThatThrownBy(() -> WavFile.of(new byte[length], WavFile.Encoding.of(wireName), 16000, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number");
  }

  /** The point of writing the header by hand: the runtime itself never touches java.desktop. */
  @Test
  void theMainSourcesUseNoJavaSound() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    try (Stream<Path> files = Files.walk(main)) {
      assertThat(files.filter(p -> p.toString().endsWith(".java")))
          .allSatisfy(
              p -> assertThat(Files.readString(p)).as(p.toString()).doesNotContain("javax.sound."));
    }
  }

  private static String ascii(byte[] bytes, int at) {
    return new String(bytes, at, 4, StandardCharsets.US_ASCII);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] le(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }
}
