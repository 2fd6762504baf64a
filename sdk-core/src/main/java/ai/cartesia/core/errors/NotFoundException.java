package ai.cartesia.core.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** HTTP 404: The resource does not exist. */
public class NotFoundException extends ApiException {

  public NotFoundException(
      String message,
      int statusCode,
      Map<String, List<String>> headers,
      String body,
      JsonNode json) {
    super(message, statusCode, headers, body, json);
  }
}
