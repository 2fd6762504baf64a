package ai.cartesia.core.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * Turns one streamed text (a WebSocket frame, the data of a Server-Sent Event, a JSON line) into a
 * typed message. Streaming code in the core is generic over the message type; generated code
 * hands it one of these.
 */
@FunctionalInterface
public interface TextDecoder<T> {

  T decode(String text) throws IOException;

  /** Plain data binding with the given mapper (the SDK's, from {@link Json#mapper()}). */
  static <T> TextDecoder<T> json(ObjectMapper mapper, Class<T> type) {
    ObjectReader reader = mapper.readerFor(type);
    return reader::readValue;
  }
}
