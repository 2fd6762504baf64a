package ai.cartesia.core.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A successful response with what HTTP said besides the body: the status and the headers (with
 * lower-case names), for callers who need a request id, a rate-limit header or the exact status.
 *
 * @param <T> the decoded body
 */
public record RawResponse<T>(int statusCode, Map<String, List<String>> headers, T body) {

  public RawResponse {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, by name in any case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The same response with the body turned into something else (a stream of it, say). */
  public <U> RawResponse<U> map(Function<? super T, ? extends U> mapper) {
    return new RawResponse<>(statusCode, headers, mapper.apply(body));
  }
}
