package ai.cartesia.testing;

import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * Which endpoint of the fake a URL names, by its non-empty path segments: {@code //tts/sse},
 * {@code /tts/sse/} and {@code /tts/sse} are one endpoint. {@link #endpoint()} is null for a
 * path the fake does not serve.
 *
 * @param id the voice id of {@code /voices/{id}}, decoded; null elsewhere
 */
record Route(Endpoint endpoint, String id) {

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
    List<String> segments = url.pathSegments().stream().filter(s -> !s.isEmpty()).collect(Collectors.toList());
    String joined = "/" + String.join("/", segments);
    for (Endpoint endpoint : Endpoint.values()) {
      if (endpoint.path.equals(joined)) return new Route(endpoint, null);
    }
    if (segments.size() == 2 && segments.get(0).equals("voices")) return new Route(Endpoint.VOICES_GET, segments.get(1));
    return new Route(null, null);
  }

  boolean webSocket() {
    return endpoint == Endpoint.TTS_WEBSOCKET || endpoint == Endpoint.STT_WEBSOCKET;
  }
}
