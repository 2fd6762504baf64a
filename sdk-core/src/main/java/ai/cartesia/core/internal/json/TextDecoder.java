package ai.cartesia.core.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns one streamed text (a WebSocket frame, the data of a Server-Sent Event, a JSON line) into a
 * typed message. Streaming code in the core is generic over the message type; generated code
 * hands it one of these.
 */
@FunctionalInterface
public interface TextDecoder<T> {

  T decode(String text) throws IOException;

  /**
   * The same from the UTF-8 bytes {@code utf8[offset, offset + length)}, which the decoder must not
   * keep: readers of byte streams (Server-Sent Events) call this so that the text need not become
   * a {@code String}. Decoders that can read bytes directly override it.
   */
  default T decode(byte[] utf8, int offset, int length) throws IOException {
    return decode(new String(utf8, offset, length, StandardCharsets.UTF_8));
  }

  /**
   * The message, where this decoder has a fast path that takes the text whole; otherwise null,
   * never an error: the caller then decodes the text its usual way ({@link #decode(String)} gives
   * the value or the error). Decoders that compose others use it to skip work of their own.
   */
  default T readPlain(String text) {
    return null;
  }

  /** The same from the UTF-8 bytes {@code utf8[offset, offset + length)}. */
  default T readPlain(byte[] utf8, int offset, int length) {
    return null;
  }

  /** Plain data binding with the given mapper (the SDK's, from {@link Json#mapper()}). */
  static <T> TextDecoder<T> json(ObjectMapper mapper, Class<T> type) {
    return new JsonBinding<>(mapper.readerFor(type));
  }
}
