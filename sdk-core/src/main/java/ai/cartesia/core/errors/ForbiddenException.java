package ai.cartesia.core.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** HTTP 403: The API key may not do this. */
public class ForbiddenException extends ApiException {

  public ForbiddenException(
      String message,
      int statusCode,
      Map<String, List<String>> headers,
      String body,
      JsonNode json) {
    super(message, statusCode, headers, body, json);
  }
}
