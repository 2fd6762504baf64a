package ai.cartesia.core.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The text of a value where JSON has no say, in a query string, a form field or a header: what
 * the value is in JSON, unquoted. So an open enum gives its wire value, a union the value of its
 * variant, a date its ISO text, never a Java {@code toString()}.
 */
public final class JsonText {

  private JsonText() {}

  public static String of(ObjectMapper json, Object value) {
    if (value instanceof String text) return text;
    JsonNode node = json.valueToTree(value);
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
