package ai.cartesia.core.audio;

import ai.cartesia.core.errors.StreamErrorException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * All the audio of a stream of messages joined into one array, with all its word timings in one
 * list: what a caller who does not play audio as it arrives wants from a TTS context or stream.
 * Generic over the message type: the caller says how to get audio and timings out of a message.
 */
public final class CollectedSpeech {

  private final byte[] audio;
  private final List<WordTiming> words;

  private CollectedSpeech(byte[] audio, List<WordTiming> words) {
    this.audio = audio;
    this.words = words;
  }

  /**
   * Reads {@code messages} to their end, joining the audio {@code audioOf} finds (null or empty
   * for messages without audio) and the timings {@code wordsOf} finds (empty for messages without
   * any), in order. A failure of the stream is thrown as it comes.
   */
  public static <R> CollectedSpeech collect(
      Iterator<? extends R> messages,
      Function<? super R, byte[]> audioOf,
      Function<? super R, List<WordTiming>> wordsOf) {
    return collect(messages, audioOf, wordsOf, message -> Optional.empty());
  }

  /**
   * As {@link #collect(Iterator, Function, Function)}, for streams that report a failed generation
   * as one of their messages (Server-Sent Events do; a WebSocket context throws instead): a
   * message for which {@code errorOf} gives a text ends the collection with a {@link
   * StreamErrorException} that keeps the message, rather than with the audio so far.
   */
  public static <R> CollectedSpeech collect(
      Iterator<? extends R> messages,
      Function<? super R, byte[]> audioOf,
      Function<? super R, List<WordTiming>> wordsOf,
      Function<? super R, Optional<String>> errorOf) {
    Objects.requireNonNull(audioOf, "audioOf");
    Objects.requireNonNull(wordsOf, "wordsOf");
    Objects.requireNonNull(errorOf, "errorOf");
    ByteArrayOutputStream audio = new ByteArrayOutputStream();
    List<WordTiming> words = new ArrayList<>();
    while (messages.hasNext()) {
      R message = messages.next();
      Optional<String> error = errorOf.apply(message);
      if (error.isPresent()) {
        throw new StreamErrorException(
            "the generation failed after " + audio.size() + " bytes of audio: " + error.get(),
            null,
            null,
            message);
      }
      byte[] chunk = audioOf.apply(message);
      if (chunk != null) audio.writeBytes(chunk);
      List<WordTiming> timings = wordsOf.apply(message);
      if (timings != null) words.addAll(timings);
    }
    return new CollectedSpeech(audio.toByteArray(), List.copyOf(words));
  }

  /** Only the audio of {@code messages}, joined. */
  public static <R> byte[] audio(
      Iterator<? extends R> messages, Function<? super R, byte[]> audioOf) {
    return collect(messages, audioOf, message -> List.of()).audio();
  }

  /** A copy of the joined audio. */
  public byte[] audio() {
    return audio.clone();
  }

  /** Every word timing, in the order they came. */
  public List<WordTiming> words() {
    return words;
  }

  @Override
  public String toString() {
    return "CollectedSpeech{" + audio.length + " bytes of audio, " + words.size() + " words}";
  }
}
