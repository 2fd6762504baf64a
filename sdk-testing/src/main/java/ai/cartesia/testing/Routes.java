package ai.cartesia.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Answers each request of the fake: checks the API key and the version as Cartesia does (query
 * parameters on WebSockets, headers on HTTP; either is accepted), then serves the endpoint.
 */
final class Routes extends Dispatcher {

  private static final Map<String, Integer> BYTES_PER_SAMPLE =
      Map.of("pcm_s16le", 2, "pcm_f32le", 4, "pcm_mulaw", 1, "pcm_alaw", 1);

  private final FakeCartesiaServer server;
  private final IntFunction<Runnable> dropper;
  private final List<FakeSocket> sockets = new CopyOnWriteArrayList<>();

  Routes(FakeCartesiaServer server, IntFunction<Runnable> dropper) {
    this.server = server;
    this.dropper = dropper;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    boolean webSocket = path.equals("/tts/websocket") || path.equals("/stt/websocket");
    String key = webSocket && url.queryParameter("api_key") != null ? url.queryParameter("api_key")
        : request.getHeaders().get("X-API-Key");
    if (!server.apiKey().equals(key)) {
      return FakeCartesiaServer.errorResponse(401, key == null ? "no API key: send X-API-Key or api_key" : "Invalid API key");
    }
    String version = url.queryParameter("cartesia_version") != null ? url.queryParameter("cartesia_version")
        : request.getHeaders().get("Cartesia-Version");
    if (!server.version().equals(version)) {
      return FakeCartesiaServer.errorResponse(400, "Cartesia-Version (or cartesia_version) must be " + server.version());
    }
    Faults faults = server.faults();
    Runnable drop = dropper.apply(request.getConnectionIndex());
    if (webSocket && faults.refuseHandshakes() != 0) {
      return FakeCartesiaServer.errorResponse(faults.refuseHandshakes(), "refused by the fake, as configured");
    }
    switch (path) {
      case "/tts/websocket":
        return upgrade(new TtsSocket(faults, drop, server.chunksPerGeneration(), server.chunkBytes()));
      case "/stt/websocket":
        return stt(url, faults, drop);
      case "/tts/sse":
        if (!request.getMethod().equals("POST")) return FakeCartesiaServer.errorResponse(405, "use POST");
        return TtsSse.respond(Json.parseObject(request.getBody() == null ? "" : request.getBody().utf8()), faults, drop,
            server.chunksPerGeneration(), server.chunkBytes());
      default:
        return FakeCartesiaServer.errorResponse(404,
            "the fake serves /tts/websocket, /stt/websocket and POST /tts/sse, not " + request.getMethod() + " " + path);
    }
  }

  private MockResponse stt(HttpUrl url, Faults faults, Runnable drop) {
    String encoding = url.queryParameter("encoding");
    String sampleRate = url.queryParameter("sample_rate");
    if (url.queryParameter("model") == null || encoding == null || sampleRate == null) {
      return FakeCartesiaServer.errorResponse(400, "model, encoding and sample_rate are required");
    }
    Integer bytesPerSample = BYTES_PER_SAMPLE.get(encoding);
    if (bytesPerSample == null || !sampleRate.matches("\\d{3,6}")) {
      return FakeCartesiaServer.errorResponse(400, "unsupported encoding or sample_rate: " + encoding + ", " + sampleRate);
    }
    String requestId = UUID.nameUUIDFromBytes(url.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    return upgrade(new SttSocket(faults, drop, requestId, Integer.parseInt(sampleRate), bytesPerSample));
  }

  private MockResponse upgrade(FakeSocket socket) {
    sockets.add(socket);
    return new MockResponse.Builder().webSocketUpgrade(socket).build();
  }

  void shutdown() {
    sockets.forEach(FakeSocket::shutdown);
  }
}
