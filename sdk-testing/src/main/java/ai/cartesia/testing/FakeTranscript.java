package ai.cartesia.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link FakeCartesiaServer} hears in audio, on the STT WebSocket and in batch transcription
 * ({@code POST /stt}) alike: one word for every 100 ms of audio, named {@code word1}, {@code
 * word2}, ..., word {@code i} (from 0) timed from {@code i * 0.1} s to {@code i * 0.1 + 0.08} s.
 * A test computes from the length of the audio it sends what it must get back.
 */
public final class FakeTranscript {

  /** Seconds of audio for each word heard. */
  public static final double SECONDS_PER_WORD = 0.1;

  private FakeTranscript() {}

  /** How many words {@code seconds} of audio hold. */
  public static int wordCount(double seconds) {
    // The small epsilon keeps 0.3 s (0.30000000000000004 / 0.1 = 2.9999...) three words.
    return (int) Math.floor(seconds / SECONDS_PER_WORD + 1e-9);
  }

  /** Word {@code index} (from 0): {@code word1} for index 0. */
  public static String word(int index) {
    return "word" + (index + 1);
  }

  /** The words {@code seconds} of audio hold, in order. */
  public static List<String> words(double seconds) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < wordCount(seconds); i++) words.add(word(i));
    return words;
  }

  /** The transcript of {@code seconds} of audio: its words joined by single spaces (empty under 100 ms). */
  public static String text(double seconds) {
    return String.join(" ", words(seconds));
  }

  /** When word {@code index} starts, in seconds. */
  public static double start(int index) {
    return index * SECONDS_PER_WORD;
  }

  /** When word {@code index} ends, in seconds. */
  public static double end(int index) {
    return start(index) + 0.08;
  }
}
