package ai.cartesia.core.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** HTTP 5xx: The server failed; trying again later may succeed. */
public class ServerException extends ApiException {

  public ServerException(
      String message,
      int statusCode,
      Map<String, List<String>> headers,
      String body,
      JsonNode json) {
    super(message, statusCode, headers, body, json);
  }
}
