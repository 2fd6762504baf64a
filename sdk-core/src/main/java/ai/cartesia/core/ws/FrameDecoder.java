package ai.cartesia.core.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/** Turns the text of one WebSocket frame into a typed message. */
@FunctionalInterface
public interface FrameDecoder<R> {

  R decode(String frame) throws IOException;

  /** Plain data binding with the SDK's mapper. */
  static <R> FrameDecoder<R> json(ObjectMapper mapper, Class<R> type) {
    ObjectReader reader = mapper.readerFor(type);
    return reader::readValue;
  }
}
