package ai.cartesia.core.internal.ws;

import ai.cartesia.core.internal.json.JsonBinding;
import ai.cartesia.core.internal.json.TextDecoder;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns the text of one WebSocket frame into a typed message. */
@FunctionalInterface
public interface FrameDecoder<R> extends TextDecoder<R> {

  /** Plain data binding with the SDK's mapper. */
  static <R> FrameDecoder<R> json(ObjectMapper mapper, Class<R> type) {
    return new Binding<>(mapper, type);
  }

  /** {@link JsonBinding} as a frame decoder. */
  final class Binding<R> extends JsonBinding<R> implements FrameDecoder<R> {
    private Binding(ObjectMapper mapper, Class<R> type) {
      super(mapper.readerFor(type));
    }
  }
}
