package ai.cartesia.core.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** HTTP 402: The account is out of credits or needs a plan for this request. */
public class PaymentRequiredException extends ApiException {

  public PaymentRequiredException(
      String message,
      int statusCode,
      Map<String, List<String>> headers,
      String body,
      JsonNode json) {
    super(message, statusCode, headers, body, json);
  }
}
