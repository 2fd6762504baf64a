package ai.cartesia.core.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Turns an error response into the exception that names its status. */
public final class ApiExceptions {

  /** Bodies longer than this are cut in messages (the exception keeps the whole body). */
  private static final int MESSAGE_BODY_LIMIT = 500;

  private ApiExceptions() {}

  public static ApiException of(
      String method, String path, int status, Map<String, List<String>> headers, String body, ObjectMapper json) {
    JsonNode parsed = parse(body, json);
    String message = message(method, path, status, body, parsed);
    if (status == 400) return new BadRequestException(message, status, headers, body, parsed);
    if (status == 401) return new UnauthorizedException(message, status, headers, body, parsed);
    if (status == 402) return new PaymentRequiredException(message, status, headers, body, parsed);
    if (status == 403) return new ForbiddenException(message, status, headers, body, parsed);
    if (status == 404) return new NotFoundException(message, status, headers, body, parsed);
    if (status == 409) return new ConflictException(message, status, headers, body, parsed);
    if (status == 422) return new UnprocessableEntityException(message, status, headers, body, parsed);
    if (status == 429) return new RateLimitException(message, status, headers, body, parsed);
    if (status >= 500) return new ServerException(message, status, headers, body, parsed);
    return new ApiException(message, status, headers, body, parsed);
  }

  private static JsonNode parse(String body, ObjectMapper json) {
    String trimmed = body == null ? "" : body.strip();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return null;
    try {
      return json.readTree(trimmed);
    } catch (Exception notJson) {
      return null;
    }
  }

  /** {@code HTTP 404 from GET voices/abc: Voice not found}, with the most telling part of the body. */
  private static String message(String method, String path, int status, String body, JsonNode json) {
    String detail = body == null ? "" : body.strip();
    if (json != null && json.isObject()) {
      for (String field : List.of("message", "error", "detail", "title")) {
        JsonNode value = json.get(field);
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
          detail = value.asText();
          break;
        }
      }
    }
    if (detail.length() > MESSAGE_BODY_LIMIT) detail = detail.substring(0, MESSAGE_BODY_LIMIT) + "...";
    return "HTTP " + status + " from " + method + " " + path + (detail.isEmpty() ? "" : ": " + detail);
  }
}
