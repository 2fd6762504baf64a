package ai.cartesia.core.internal.observe;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Takes credentials out of what the SDK logs or hands to listeners by where they travel:
 * credential headers and {@code api_key} query values, as {@link Redactor#DEFAULT} does; a
 * client whose API names other credential headers or parameters uses its own {@link Redactor}.
 * (The client's own key is also removed from any text by {@link ai.cartesia.core.Secret#redact},
 * wherever it appears.)
 */
public final class Redaction {

  public static final String REDACTED = "[redacted]";

  private Redaction() {}

  public static boolean isCredentialHeader(String name) {
    return Redactor.DEFAULT.isCredentialHeader(name);
  }

  /** The URL with the value of each credential query parameter replaced. */
  public static String url(HttpUrl url) {
    return Redactor.DEFAULT.url(url);
  }

  /** The headers one per line, as {@code name: value}, credential values replaced. */
  public static String headers(Headers headers) {
    return Redactor.DEFAULT.headers(headers);
  }
}
