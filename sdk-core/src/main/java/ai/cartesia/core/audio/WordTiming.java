package ai.cartesia.core.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When one word is spoken in generated audio, in seconds from the start of its context. APIs send
 * word timestamps as parallel arrays; {@link #zip} turns them into these.
 */
public record WordTiming(String word, double start, double end) {

  public WordTiming {
    Objects.requireNonNull(word, "word");
  }

  /**
   * Pairs up parallel arrays of words, start times and end times.
   *
   * @throws IllegalArgumentException if the lists differ in length
   */
  public static List<WordTiming> zip(List<String> words, List<Double> starts, List<Double> ends) {
    if (words.size() != starts.size() || words.size() != ends.size()) {
      throw new IllegalArgumentException("word timestamps must be parallel lists: " + words.size()
          + " words, " + starts.size() + " start times, " + ends.size() + " end times");
    }
    List<WordTiming> timings = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++)
      timings.add(new WordTiming(words.get(i), starts.get(i), ends.get(i)));
    return List.copyOf(timings);
  }
}
