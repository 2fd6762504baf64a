package ai.cartesia.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;
import okio.Buffer;

/** The plain HTTP answers of the fake: JSON, audio bytes, and errors in one JSON shape. */
final class HttpAnswers {

  private HttpAnswers() {}

  static MockResponse json(int status, String json) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(json)
        .build();
  }

  static MockResponse bytes(String contentType, byte[] body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", contentType)
        .body(new Buffer().write(body))
        .build();
  }

  /**
   * An error as the API's structured errors look: {@code error_code}, {@code title} and {@code
   * message}, plus {@code error} (the same message) for clients that read that older field.
   */
  static MockResponse error(int status, String message) {
    ObjectNode body = Json.object();
    body.put("error_code", code(status));
    body.put("title", title(status));
    body.put("message", message);
    body.put("error", message);
    return json(status, Json.write(body));
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "invalid_request";
      case 401 -> "unauthorized";
      case 402 -> "payment_required";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 408 -> "request_timeout";
      case 409 -> "conflict";
      case 422 -> "unprocessable_entity";
      case 429 -> "rate_limited";
      case 501 -> "not_implemented";
      case 503 -> "service_unavailable";
      default -> status >= 500 ? "internal_error" : "error";
    };
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment required";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 408 -> "Request timeout";
      case 409 -> "Conflict";
      case 422 -> "Unprocessable entity";
      case 429 -> "Too many requests";
      case 501 -> "Not implemented";
      case 503 -> "Service unavailable";
      default -> status >= 500 ? "Internal server error" : "Error";
    };
  }
}
