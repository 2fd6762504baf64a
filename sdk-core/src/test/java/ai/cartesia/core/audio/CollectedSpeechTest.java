package ai.cartesia.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Joining a stream's audio and word timings, generically. */
class CollectedSpeechTest {

  private sealed interface Message {}

  private record Audio(byte[] bytes) implements Message {}

  private record Words(List<String> words, List<Double> start, List<Double> end)
      implements Message {}

  private record Done() implements Message {}

  @Test
  void joinsAudioAndTimingsInOrder() {
    List<Message> messages = List.of(
        new Audio(new byte[] {1, 2}),
        new Words(List.of("Hello,"), List.of(0.0), List.of(0.4)),
        new Audio(new byte[] {3}),
        new Words(List.of("world!"), List.of(0.5), List.of(0.9)),
        new Done());

    CollectedSpeech speech = CollectedSpeech.collect(
        messages.iterator(),
        message -> message instanceof Audio audio ? audio.bytes() : null,
        message -> message instanceof Words words
            ? WordTiming.zip(words.words(), words.start(), words.end())
            : List.of());

    assertThat(speech.audio()).containsExactly(1, 2, 3);
    assertThat(speech.words())
        .containsExactly(new WordTiming("Hello,", 0.0, 0.4), new WordTiming("world!", 0.5, 0.9));
    assertThat(CollectedSpeech.audio(
            messages.iterator(), message -> message instanceof Audio audio ? audio.bytes() : null))
        .containsExactly(1, 2, 3);
  }

  @Test
  void timingsMustBeParallel() {
    assertThatThrownBy(() -> WordTiming.zip(List.of("a", "b"), List.of(0.0), List.of(0.1, 0.2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 words, 1 start times");
  }
}
