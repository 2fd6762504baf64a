package ai.cartesia.core.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/** Reads single fields out of JSON text without binding it, for text that may not bind. */
public final class JsonFields {

  private JsonFields() {}

  /**
   * The text value of the top-level field {@code name} of a JSON object, read as far as the text
   * is well-formed: a frame whose {@code data} is broken still yields its {@code context_id} if
   * that came first or the break is inside a value. Empty if the field is absent, not text, or
   * the text is not an object.
   */
  public static Optional<String> topLevelText(String json, String name) {
    try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals(field)) {
          return value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
        }
        parser.skipChildren();
      }
      return Optional.empty();
    } catch (IOException malformed) {
      return Optional.empty();
    }
  }
}
