package ai.cartesia.core.internal.errors;

import ai.cartesia.core.errors.ApiException;
import ai.cartesia.core.errors.BadRequestException;
import ai.cartesia.core.errors.ConflictException;
import ai.cartesia.core.errors.ForbiddenException;
import ai.cartesia.core.errors.NotFoundException;
import ai.cartesia.core.errors.PaymentRequiredException;
import ai.cartesia.core.errors.RateLimitException;
import ai.cartesia.core.errors.ServerException;
import ai.cartesia.core.errors.UnauthorizedException;
import ai.cartesia.core.errors.UnprocessableEntityException;
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
      String method,
      String path,
      int status,
      Map<String, List<String>> headers,
      String body,
      ObjectMapper json) {
    JsonNode parsed = parse(body, json);
    return create(message(method, path, status, body, parsed), status, headers, body, parsed);
  }

  /**
   * A refused WebSocket handshake, as the exception of its status. The message names the
   * endpoint (as {@code displayUrl}, which must already be free of credentials), says what the
   * status means for a streaming connection and what to do about it, and quotes the server.
   */
  public static ApiException handshake(
      String displayUrl,
      int status,
      Map<String, List<String>> headers,
      String body,
      ObjectMapper json) {
    JsonNode parsed = parse(body, json);
    String detail = detail(body, parsed);
    String message =
        "the WebSocket handshake with " + displayUrl + " was refused with HTTP " + status + ": "
            + handshakeAdvice(status) + (detail.isEmpty() ? "" : " (server said: " + detail + ")");
    return create(message, status, headers, body, parsed);
  }

  private static String handshakeAdvice(int status) {
    switch (status) {
      case 401:
        return "unauthorized: the API key is missing or not valid; check the key the client was built with";
      case 402:
        return "payment required: the account is out of credits; add credits or upgrade the plan";
      case 403:
        return "forbidden: this API key or access token may not open this endpoint; check its grants";
      case 404:
        return "not found: no such WebSocket endpoint; check the base URL and the API version";
      case 429:
        return "too many concurrent connections or contexts for the plan; close unused sessions, or wait and retry";
      default:
        return status >= 500
            ? "the server failed; try again later"
            : "the server did not accept the connection";
    }
  }

  private static ApiException create(
      String message, int status, Map<String, List<String>> headers, String body, JsonNode parsed) {
    if (status == 400) return new BadRequestException(message, status, headers, body, parsed);
    if (status == 401) return new UnauthorizedException(message, status, headers, body, parsed);
    if (status == 402) return new PaymentRequiredException(message, status, headers, body, parsed);
    if (status == 403) return new ForbiddenException(message, status, headers, body, parsed);
    if (status == 404) return new NotFoundException(message, status, headers, body, parsed);
    if (status == 409) return new ConflictException(message, status, headers, body, parsed);
    if (status == 422)
      return new UnprocessableEntityException(message, status, headers, body, parsed);
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
  private static String message(
      String method, String path, int status, String body, JsonNode json) {
    String detail = detail(body, json);
    return "HTTP " + status + " from " + method + " " + path
        + (detail.isEmpty() ? "" : ": " + detail);
  }

  /** The most telling part of an error body, shortened. */
  private static String detail(String body, JsonNode json) {
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
    if (detail.length() > MESSAGE_BODY_LIMIT)
      detail = detail.substring(0, MESSAGE_BODY_LIMIT) + "...";
    return detail;
  }
}
