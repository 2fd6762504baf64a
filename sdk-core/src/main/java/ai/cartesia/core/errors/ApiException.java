package ai.cartesia.core.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an error status. Subclasses name the common statuses, so callers can
 * catch what they can act on; all of them carry the status, the headers and the body.
 */
public class ApiException extends SdkException {

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final String body;
  private final JsonNode json;

  public ApiException(
      String message,
      int statusCode,
      Map<String, List<String>> headers,
      String body,
      JsonNode json) {
    super(message);
    this.statusCode = statusCode;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.json = json;
  }

  public int statusCode() {
    return statusCode;
  }

  /** Response headers, with lower-case names. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The response body as text, possibly empty. */
  public String body() {
    return body;
  }

  /** The response body parsed as JSON, when it is JSON. */
  public Optional<JsonNode> json() {
    return Optional.ofNullable(json);
  }
}
