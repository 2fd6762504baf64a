package ai.cartesia.core.internal.ws;

import ai.cartesia.core.internal.json.TextDecoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** Turns the text of one WebSocket frame into a typed message. */
@FunctionalInterface
public interface FrameDecoder<R> extends TextDecoder<R> {

  /** Plain data binding with the SDK's mapper. */
  static <R> FrameDecoder<R> json(ObjectMapper mapper, Class<R> type) {
    ObjectReader reader = mapper.readerFor(type);
    return reader::readValue;
  }
}
