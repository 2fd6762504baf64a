package ai.cartesia.core.internal.json;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * Plain data binding of a text or of its UTF-8 bytes; Jackson reads bytes without decoding them
 * into characters first, so the byte form is the cheaper one.
 */
public class JsonBinding<T> implements TextDecoder<T> {

  private final ObjectReader reader;

  public JsonBinding(ObjectReader reader) {
    this.reader = reader;
  }

  @Override
  public T decode(String text) throws IOException {
    return reader.readValue(text);
  }

  @Override
  public T decode(byte[] utf8, int offset, int length) throws IOException {
    return reader.readValue(utf8, offset, length);
  }
}
