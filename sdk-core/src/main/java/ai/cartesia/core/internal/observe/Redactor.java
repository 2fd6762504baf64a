package ai.cartesia.core.internal.observe;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Takes credentials out of URLs and headers that are logged or handed to listeners, by the names
 * they travel under: the usual credential headers and query parameters, and those of the API's
 * own security schemes.
 */
public final class Redactor {

  /** The credential names every client hides. */
  public static final Redactor DEFAULT = new Redactor(
      Set.of("x-api-key", "authorization", "proxy-authorization", "cookie", "set-cookie"),
      Set.of("api_key", "access_token"));

  private final Set<String> headers;
  private final Set<String> query;

  private Redactor(Set<String> headers, Set<String> query) {
    this.headers = headers;
    this.query = query;
  }

  /** This redactor, also hiding these headers and query parameters (names of any case). */
  public Redactor with(Set<String> moreHeaders, Set<String> moreQuery) {
    Set<String> h = new HashSet<>(headers);
    moreHeaders.forEach(name -> h.add(name.toLowerCase(Locale.ROOT)));
    Set<String> q = new HashSet<>(query);
    moreQuery.forEach(name -> q.add(name.toLowerCase(Locale.ROOT)));
    return new Redactor(Set.copyOf(h), Set.copyOf(q));
  }

  public boolean isCredentialHeader(String name) {
    return headers.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The URL with the value of each credential query parameter replaced. */
  public String url(HttpUrl url) {
    HttpUrl.Builder shown = null;
    for (String name : url.queryParameterNames()) {
      if (!query.contains(name.toLowerCase(Locale.ROOT))) continue;
      if (shown == null) shown = url.newBuilder();
      shown.setEncodedQueryParameter(name, Redaction.REDACTED);
    }
    return shown == null ? url.toString() : shown.build().toString();
  }

  /** The headers one per line, as {@code name: value}, credential values replaced. */
  public String headers(Headers headers) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      text.append("\n  ")
          .append(name)
          .append(": ")
          .append(isCredentialHeader(name) ? Redaction.REDACTED : headers.value(i));
    }
    return text.toString();
  }
}
