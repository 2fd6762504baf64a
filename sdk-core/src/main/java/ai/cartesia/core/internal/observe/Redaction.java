package ai.cartesia.core.internal.observe;

import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Takes credentials out of what the SDK logs or hands to listeners by where they travel:
 * credential headers and {@code api_key} query values. (The client's own key is also removed
 * from any text by {@link ai.cartesia.core.Secret#redact}, wherever it appears.)
 */
public final class Redaction {

  public static final String REDACTED = "[redacted]";

  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("x-api-key", "authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final Set<String> CREDENTIAL_QUERY_PARAMETERS = Set.of("api_key", "access_token");

  private Redaction() {}

  public static boolean isCredentialHeader(String name) {
    return CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The URL with the value of each credential query parameter replaced. */
  public static String url(HttpUrl url) {
    HttpUrl.Builder shown = null;
    for (String name : url.queryParameterNames()) {
      if (!CREDENTIAL_QUERY_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) continue;
      if (shown == null) shown = url.newBuilder();
      shown.setEncodedQueryParameter(name, REDACTED);
    }
    return shown == null ? url.toString() : shown.build().toString();
  }

  /** The headers one per line, as {@code name: value}, credential values replaced. */
  public static String headers(Headers headers) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      text.append("\n  ")
          .append(name)
          .append(": ")
          .append(isCredentialHeader(name) ? REDACTED : headers.value(i));
    }
    return text.toString();
  }
}
