package ai.cartesia.testing;

import ai.cartesia.core.audio.WavFile;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The audio and word timings {@link FakeCartesiaServer} answers with: a pure function of the
 * transcript, so a test can compute what it must receive.
 */
public final class FakeAudio {

  /** Seconds between the starts of two words in the fake's timings. */
  static final double WORD_SPACING = 0.25;

  private FakeAudio() {}

  /** Chunk {@code index} (from 0) of the audio for {@code transcript}, {@code size} bytes long. */
  public static byte[] chunk(String transcript, int index, int size) {
    byte[] audio = new byte[size];
    new Random(transcript.hashCode() * 1_000_003L + index).nextBytes(audio);
    return audio;
  }

  /** All the audio for {@code transcript}: its {@code chunks} chunks of {@code size} bytes, joined. */
  public static byte[] speech(String transcript, int chunks, int size) {
    ByteArrayOutputStream audio = new ByteArrayOutputStream(chunks * size);
    for (int i = 0; i < chunks; i++) audio.writeBytes(chunk(transcript, i, size));
    return audio.toByteArray();
  }

  /**
   * What {@code POST /tts/bytes} answers with a {@code wav} output format: {@link #speech} in a
   * mono WAV file of {@code encoding} (as on the wire, such as {@code pcm_s16le}) at {@code
   * sampleRate}. With {@code raw} or {@code mp3} the answer is {@link #speech} itself.
   */
  public static byte[] wav(
      String transcript, int chunks, int size, String encoding, int sampleRate) {
    return WavFile.of(
        speech(transcript, chunks, size), WavFile.Encoding.of(encoding), sampleRate, 1);
  }

  /** The words of {@code transcript} as the fake times them: split on white space. */
  public static List<String> words(String transcript) {
    List<String> words = new ArrayList<>();
    for (String word : transcript.strip().split("\\s+")) {
      if (!word.isEmpty()) words.add(word);
    }
    return words;
  }

  /** When word {@code index} starts, in seconds. */
  public static double start(int index) {
    return index * WORD_SPACING;
  }

  /** When word {@code index} ends, in seconds. */
  public static double end(int index) {
    return index * WORD_SPACING + 0.2;
  }
}
