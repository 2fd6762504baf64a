package ai.cartesia.testing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * Which endpoint of the fake a URL names, by its non-empty path segments: {@code //tts/sse},
 * {@code /tts/sse/} and {@code /tts/sse} are one endpoint. {@link #endpoint()} is null for a
 * path the fake does not serve.
 *
 * @param path the path as its non-empty segments make it, such as {@code /voices/abc}
 * @param id the voice id of {@code /voices/{id}}, decoded; null elsewhere
 */
record Route(Endpoint endpoint, String path, String id) {

  /** Operations of the API on the fake's paths that the fake does not serve (it answers them 501). */
  private static final Set<String> UNSERVED = Set.of(
      "POST /voices",
      "POST /voices/clone",
      "POST /voices/localize",
      "POST /voices/mix",
      "PATCH /voices/{id}",
      "DELETE /voices/{id}");

  enum Endpoint {
    STATUS("GET", "/"),
    TTS_WEBSOCKET("GET", "/tts/websocket"),
    STT_WEBSOCKET("GET", "/stt/websocket"),
    TTS_SSE("POST", "/tts/sse"),
    TTS_BYTES("POST", "/tts/bytes"),
    STT_BATCH("POST", "/stt"),
    VOICES_LIST("GET", "/voices"),
    VOICES_GET("GET", "/voices/{id}");

    private final String method;
    private final String path;

    Endpoint(String method, String path) {
      this.method = method;
      this.path = path;
    }

    String method() {
      return method;
    }

    String path() {
      return path;
    }
  }

  static Route of(HttpUrl url) {
    List<String> segments =
        url.pathSegments().stream().filter(s -> !s.isEmpty()).collect(Collectors.toList());
    String joined = "/" + String.join("/", segments);
    for (Endpoint endpoint : Endpoint.values()) {
      if (endpoint.path.equals(joined)) return new Route(endpoint, joined, null);
    }
    if (segments.size() == 2 && segments.get(0).equals("voices")) {
      return new Route(Endpoint.VOICES_GET, joined, segments.get(1));
    }
    return new Route(null, joined, null);
  }

  /**
   * Whether {@code method} on this path is an operation of the API that the fake does not serve,
   * such as {@code POST /voices/clone}: not an unknown path, and not a wrong method either.
   */
  boolean unservedOperation(String method) {
    return UNSERVED.contains(method + " " + path)
        || (endpoint == Endpoint.VOICES_GET && UNSERVED.contains(method + " /voices/{id}"));
  }

  boolean webSocket() {
    return endpoint == Endpoint.TTS_WEBSOCKET || endpoint == Endpoint.STT_WEBSOCKET;
  }
}
