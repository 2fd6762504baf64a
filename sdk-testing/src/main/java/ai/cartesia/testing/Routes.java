package ai.cartesia.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Answers each request of the fake. An unknown path is a 404 whatever the key; on a known path
 * the API key and the version are checked as Cartesia does (query parameters on WebSockets,
 * headers on HTTP; either is accepted), then the method (501 for an operation of the API the fake
 * does not serve, such as {@code POST /voices/clone}; 405 for one the API does not have), then
 * the endpoint serves it. Empty path
 * segments are ignored, so {@code //tts/websocket} (from a client whose base URL ends with a
 * slash) and {@code /voices/} are served as {@code /tts/websocket} and {@code /voices}.
 */
final class Routes extends Dispatcher {

  private static final Map<String, Integer> BYTES_PER_SAMPLE =
      Map.of("pcm_s16le", 2, "pcm_f32le", 4, "pcm_mulaw", 1, "pcm_alaw", 1);

  private final FakeCartesiaServer server;
  private final IntFunction<Runnable> dropper;
  private final List<FakeSocket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicLong requestIds = new AtomicLong();

  Routes(FakeCartesiaServer server, IntFunction<Runnable> dropper) {
    this.server = server;
    this.dropper = dropper;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Route route = Route.of(request.getUrl());
    MockResponse response = answer(route, request);
    if (route.webSocket() && response.getWebSocketListener() != null) return response;
    // Every HTTP answer names its request, as the API does, so tests can read a header back.
    return response.newBuilder().setHeader("X-Request-Id", requestId()).build();
  }

  private MockResponse answer(Route route, RecordedRequest request) {
    if (route.endpoint() == null) {
      return HttpAnswers.error(
          404,
          "no such endpoint: " + request.getMethod() + " " + request.getUrl().encodedPath());
    }
    if (route.endpoint() == Route.Endpoint.STATUS) return status(request);
    HttpUrl url = request.getUrl();
    String key = route.webSocket() && url.queryParameter("api_key") != null
        ? url.queryParameter("api_key")
        : request.getHeaders().get("X-API-Key");
    if (!server.apiKey().equals(key)) {
      return HttpAnswers.error(
          401, key == null ? "no API key: send X-API-Key or api_key" : "Invalid API key");
    }
    String version = url.queryParameter("cartesia_version") != null
        ? url.queryParameter("cartesia_version")
        : request.getHeaders().get("Cartesia-Version");
    if (!server.version().equals(version)) {
      return HttpAnswers.error(
          400, "Cartesia-Version (or cartesia_version) must be " + server.version());
    }
    if (route.unservedOperation(request.getMethod())) {
      return HttpAnswers.error(
          501,
          "the fake does not serve " + request.getMethod() + " " + route.path()
              + "; it serves the endpoints listed in FakeCartesiaServer's documentation");
    }
    if (!route.endpoint().method().equals(request.getMethod())) {
      return HttpAnswers.error(
              405,
              "use " + route.endpoint().method() + " for " + route.endpoint().path())
          .newBuilder()
          .setHeader("Allow", route.endpoint().method())
          .build();
    }
    Faults faults = server.faults();
    if (route.webSocket()) {
      if (faults.refuseHandshakes() != 0)
        return HttpAnswers.error(faults.refuseHandshakes(), "refused by the fake, as configured");
    } else {
      int failure = server.takeHttpFailure();
      if (failure != 0) return failed(failure);
    }
    Runnable drop = dropper.apply(request.getConnectionIndex());
    return switch (route.endpoint()) {
      case TTS_WEBSOCKET ->
        upgrade(new TtsSocket(faults, drop, server.chunksPerGeneration(), server.chunkBytes()));
      case STT_WEBSOCKET -> stt(url, faults, drop);
      case TTS_SSE ->
        TtsSse.respond(
            Json.parseObject(body(request)),
            faults,
            drop,
            server.chunksPerGeneration(),
            server.chunkBytes());
      case TTS_BYTES ->
        TtsBytes.respond(
            Json.parseObject(body(request)), server.chunksPerGeneration(), server.chunkBytes());
      case STT_BATCH -> SttBatch.respond(request);
      case VOICES_LIST -> VoicesEndpoint.list(url);
      case VOICES_GET -> VoicesEndpoint.get(route.id());
      case STATUS -> throw new IllegalStateException("answered above");
    };
  }

  /** {@code GET /}: the API's status, which needs no key. */
  private MockResponse status(RecordedRequest request) {
    if (!request.getMethod().equals("GET")) return HttpAnswers.error(405, "use GET for /");
    return HttpAnswers.json(200, "{\"ok\":true,\"version\":" + Json.quote(server.version()) + "}");
  }

  private static MockResponse failed(int status) {
    MockResponse response =
        HttpAnswers.error(status, "failed by the fake, as configured (Faults.failHttpWith)");
    if (status != 429 && status != 503) return response;
    return response.newBuilder().setHeader("Retry-After", "1").build();
  }

  private static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  private String requestId() {
    long n = requestIds.incrementAndGet();
    return UUID.nameUUIDFromBytes(("fake-cartesia-request-" + n).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private MockResponse stt(HttpUrl url, Faults faults, Runnable drop) {
    String encoding = url.queryParameter("encoding");
    String sampleRate = url.queryParameter("sample_rate");
    if (url.queryParameter("model") == null || encoding == null || sampleRate == null) {
      return HttpAnswers.error(400, "model, encoding and sample_rate are required");
    }
    Integer bytesPerSample = BYTES_PER_SAMPLE.get(encoding);
    if (bytesPerSample == null || !sampleRate.matches("\\d{3,6}")) {
      return HttpAnswers.error(
          400, "unsupported encoding or sample_rate: " + encoding + ", " + sampleRate);
    }
    String requestId =
        UUID.nameUUIDFromBytes(url.toString().getBytes(StandardCharsets.UTF_8)).toString();
    return upgrade(
        new SttSocket(faults, drop, requestId, Integer.parseInt(sampleRate), bytesPerSample));
  }

  private MockResponse upgrade(FakeSocket socket) {
    sockets.add(socket);
    return new MockResponse.Builder().webSocketUpgrade(socket).build();
  }

  void shutdown() {
    sockets.forEach(FakeSocket::shutdown);
  }
}
