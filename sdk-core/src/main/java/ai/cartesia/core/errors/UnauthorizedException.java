package ai.cartesia.core.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** HTTP 401: The API key is missing or not valid. */
public class UnauthorizedException extends ApiException {

  public UnauthorizedException(
      String message,
      int statusCode,
      Map<String, List<String>> headers,
      String body,
      JsonNode json) {
    super(message, statusCode, headers, body, json);
  }
}
