package ai.cartesia.core.internal.ws;

import ai.cartesia.core.ClientOptions;
import java.util.Map;
import okhttp3.HttpUrl;

/** Builds the URL of a WebSocket handshake, and a redacted form of it for messages. */
public final class WebSocketUrls {

  private WebSocketUrls() {}

  /**
   * The channel's path on the base URL with its query parameters, URL-encoded. OkHttp takes the
   * http(s) form and upgrades it; {@link #display} shows the ws(s) form.
   */
  public static HttpUrl of(
      ClientOptions options, WebSocketChannel<?, ?> channel, Map<String, String> query) {
    HttpUrl.Builder url = options.baseUrl().newBuilder().addPathSegments(channel.path());
    channel.constantQuery().forEach(url::addQueryParameter);
    query.forEach((name, value) -> {
      if (value != null) url.addQueryParameter(name, value);
    });
    channel
        .apiKeyQueryParameter()
        .ifPresent(
            name -> options.apiKey().ifPresent(key -> url.addQueryParameter(name, key.reveal())));
    return url.build();
  }

  /** The URL as a person may see it: a ws(s) scheme and no credential in it. */
  public static String display(HttpUrl url, WebSocketChannel<?, ?> channel) {
    HttpUrl.Builder shown = url.newBuilder();
    channel.apiKeyQueryParameter().ifPresent(name -> {
      if (url.queryParameter(name) != null) shown.setEncodedQueryParameter(name, "[redacted]");
    });
    String text = shown.build().toString();
    return text.startsWith("https:") ? "wss:" + text.substring(6) : "ws:" + text.substring(5);
  }
}
