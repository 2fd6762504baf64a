package ai.cartesia;

import static ai.cartesia.WireSupport.API_KEY;
import static ai.cartesia.WireSupport.VOICE_ID;
import static ai.cartesia.WireSupport.authenticated;
import static ai.cartesia.WireSupport.bytes;
import static ai.cartesia.WireSupport.client;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamDecodeException;
import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.http.BinaryResponse;
import ai.cartesia.core.sse.EventStream;
import ai.cartesia.model.ModelSpeed;
import ai.cartesia.model.RawEncoding;
import ai.cartesia.model.SseOutputFormat;
import ai.cartesia.model.SupportedLanguage;
import ai.cartesia.model.TtsRequest;
import ai.cartesia.model.TtsRequestIdSpecifier;
import ai.cartesia.model.TtsSseRequest;
import ai.cartesia.model.WavOutputFormat;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketDoneResponse;
import ai.cartesia.model.WebSocketErrorResponse;
import ai.cartesia.model.WebSocketResponse;
import ai.cartesia.model.WebSocketTimestampsResponse;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /tts/bytes} (binary) and {@code POST /tts/sse} (a typed event stream). */
@Timeout(30)
class TtsOperationsTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  private static final String EIGHT_ZEROS = "AAAAAAAAAAA=";

  /** Fact sheet 11.3, with event names. */
  private static final String WITH_EVENT_NAMES = """
      event: chunk
      data: {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":41.2,"context_id":"sse-1"}

      event: timestamps
      data: {"type":"timestamps","done":false,"status_code":206,"context_id":"sse-1","word_timestamps":{"words":["Hello,","world!"],"start":[0.02,0.41],"end":[0.38,0.83]}}

      event: done
      data: {"type":"done","done":true,"status_code":200,"context_id":"sse-1"}

      """;

  /** Fact sheet 11.3, data lines only. */
  private static final String DATA_ONLY = """
      data: {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":12.0}

      data: {"type":"done","done":true,"status_code":206}

      """;

  private static TtsSseRequest sseRequest() {
    return TtsSseRequest.builder()
        .modelId("sonic-2")
        .transcript("Hello, world!")
        .voice(TtsRequestIdSpecifier.builder().id(VOICE_ID).build())
        .language(SupportedLanguage.EN)
        .outputFormat(SseOutputFormat.builder()
            .encoding(RawEncoding.PCM_F32LE)
            .sampleRate(44100)
            .build())
        .addTimestamps(true)
        .contextId("sse-1")
        .build();
  }

  private static void stubSse(String body) {
    server.stubFor(post("/tts/sse")
        .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
  }

  private static List<WebSocketResponse> readAll(EventStream<WebSocketResponse> stream) {
    List<WebSocketResponse> events = new ArrayList<>();
    stream.forEachRemaining(events::add);
    return events;
  }

  // ---------------------------------------------------------------- bytes

  private static TtsRequest wavRequest() {
    return TtsRequest.builder()
        .modelId("sonic-2")
        .transcript("Hello, world!")
        .voice(TtsRequestIdSpecifier.builder().id(VOICE_ID).build())
        .language(SupportedLanguage.EN)
        .outputFormat(WavOutputFormat.builder()
            .sampleRate(44100)
            .encoding(RawEncoding.PCM_F32LE)
            .build())
        .speed(ModelSpeed.FAST)
        .duration(5.0)
        .build();
  }

  @Test
  void bytesPostsTheJsonBodyAndStreamsTheAudio() throws Exception {
    byte[] audio = bytes(200_000, 21);
    server.stubFor(post("/tts/bytes")
        .willReturn(aResponse().withHeader("Content-Type", "audio/wav").withBody(audio)));

    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try (BinaryResponse response = client(server).tts().bytes(wavRequest());
        InputStream in = response.stream()) {
      in.transferTo(received);
    }

    assertThat(received.toByteArray()).isEqualTo(audio);
    server.verify(
        1,
        authenticated(postRequestedFor(urlEqualTo("/tts/bytes")))
            .withHeader("Content-Type", matching("application/json.*"))
            .withRequestBody(equalToJson("""
            {"model_id":"sonic-2","transcript":"Hello, world!",
             "voice":{"mode":"id","id":"694f9389-aac1-45b6-b726-9d9369183238"},"language":"en",
             "output_format":{"container":"wav","sample_rate":44100,"encoding":"pcm_f32le"},
             "speed":"fast","duration":5.0}
            """, false, false)));
  }

  @Test
  void bytesWriteToWritesTheFile() throws Exception {
    byte[] audio = bytes(1_000_000, 22);
    server.stubFor(
        post("/tts/bytes").willReturn(aResponse().withBody(audio).withChunkedDribbleDelay(5, 200)));
    Path file = dir.resolve("out.wav");
    Files.write(file, new byte[] {42}); // replaced, not appended to

    long written = client(server).tts().bytes(wavRequest()).writeTo(file);

    assertThat(written).isEqualTo(audio.length);
    assertThat(Files.readAllBytes(file)).isEqualTo(audio);
  }

  @Test
  void aDownloadThatBreaksOffIsAnSdkException() {
    server.stubFor(
        post("/tts/bytes").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    Path file = dir.resolve("broken.wav");

    BinaryResponse response = client(server).tts().bytes(wavRequest());
    Throwable error = catchThrowable(() -> response.writeTo(file));

    assertThat(error).isNotNull();
    assertThat(error)
        .as("SdkException is documented as the root of every exception the SDK throws")
        .isInstanceOf(SdkException.class);
    assertThat(error).isInstanceOf(TransportException.class);
    assertThat(error.getMessage()).doesNotContain(API_KEY);
  }

  // ---------------------------------------------------------------- SSE

  @Test
  void sseWithEventNamesGivesTypedEventsInOrder() {
    stubSse(WITH_EVENT_NAMES);

    List<WebSocketResponse> events;
    try (EventStream<WebSocketResponse> stream = client(server).tts().sse(sseRequest())) {
      events = readAll(stream);
      assertThat(stream.hasNext()).isFalse();
      assertThatThrownBy(stream::next).isInstanceOf(NoSuchElementException.class);
    }

    assertThat(events).hasSize(3);
    WebSocketChunkResponse chunk = (WebSocketChunkResponse) events.get(0);
    assertThat(chunk.data()).isEqualTo(new byte[8]);
    assertThat(chunk.done()).isFalse();
    assertThat(chunk.statusCode()).isEqualTo(206);
    assertThat(chunk.stepTime()).isEqualTo(41.2);
    assertThat(chunk.contextId()).contains("sse-1");
    WebSocketTimestampsResponse timestamps = (WebSocketTimestampsResponse) events.get(1);
    assertThat(timestamps.wordTimestamps()).isPresent();
    assertThat(timestamps.wordTimestamps().get().words()).containsExactly("Hello,", "world!");
    assertThat(timestamps.wordTimestamps().get().start()).containsExactly(0.02, 0.41);
    assertThat(timestamps.wordTimestamps().get().end()).containsExactly(0.38, 0.83);
    WebSocketDoneResponse done = (WebSocketDoneResponse) events.get(2);
    assertThat(done.done()).isTrue();
    assertThat(done.statusCode()).isEqualTo(200);
    server.verify(
        1,
        authenticated(postRequestedFor(urlEqualTo("/tts/sse")))
            .withHeader("Content-Type", matching("application/json.*"))
            .withRequestBody(equalToJson("""
            {"model_id":"sonic-2","transcript":"Hello, world!",
             "voice":{"mode":"id","id":"694f9389-aac1-45b6-b726-9d9369183238"},"language":"en",
             "output_format":{"container":"raw","encoding":"pcm_f32le","sample_rate":44100},
             "add_timestamps":true,"context_id":"sse-1"}
            """, false, false)));
  }

  @Test
  void sseWithDataLinesOnlyGivesTheSameTypes() {
    stubSse(DATA_ONLY);

    List<WebSocketResponse> events;
    try (EventStream<WebSocketResponse> stream = client(server).tts().sse(sseRequest())) {
      events = readAll(stream);
    }

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(WebSocketChunkResponse.class);
    assertThat(((WebSocketChunkResponse) events.get(0)).data()).isEqualTo(new byte[8]);
    assertThat(((WebSocketChunkResponse) events.get(0)).contextId()).isEmpty();
    assertThat(events.get(1)).isInstanceOf(WebSocketDoneResponse.class);
  }

  @Test
  void sseChunksCarryTheirAudioDecodedFromBase64() {
    List<byte[]> chunks = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      byte[] audio = bytes(3_528 + i, 100 + i);
      chunks.add(audio);
      body.append("event: chunk\ndata: {\"type\":\"chunk\",\"data\":\"")
          .append(Base64.getEncoder().encodeToString(audio))
          .append(
              "\",\"done\":false,\"status_code\":206,\"step_time\":1.5,\"context_id\":\"c\",\"flush_id\":")
          .append(i)
          .append("}\n\n");
    }
    body.append("data: {\"type\":\"warning\",\"message\":\"slow down\"}\n\n");
    body.append(
        "data: {\"type\":\"done\",\"done\":true,\"status_code\":200,\"context_id\":\"c\"}\n\n");
    stubSse(body.toString());

    List<WebSocketResponse> events;
    try (EventStream<WebSocketResponse> stream = client(server).tts().sse(sseRequest())) {
      events = readAll(stream);
    }

    assertThat(events).hasSize(12);
    for (int i = 0; i < 10; i++) {
      WebSocketChunkResponse chunk = (WebSocketChunkResponse) events.get(i);
      assertThat(chunk.data()).as("chunk %d", i).isEqualTo(chunks.get(i));
      // flush_id is no longer part of the 2.0.6 chunk; it is kept as an unknown property.
      assertThat(chunk.additionalProperties()).as("chunk %d", i).containsOnlyKeys("flush_id");
      assertThat(chunk.additionalProperties().get("flush_id").asInt()).isEqualTo(i);
    }
    assertThat(events.get(10)).isInstanceOf(WebSocketResponse.Unknown.class);
    assertThat(events.get(10).type()).isEqualTo("warning");
    assertThat(
            ((WebSocketResponse.Unknown) events.get(10)).json().get("message").asText())
        .isEqualTo("slow down");
    assertThat(events.get(11)).isInstanceOf(WebSocketDoneResponse.class);
  }

  /** An error event ends its stream with a StreamErrorException, in either shape, instead of arriving as an element. */
  @Test
  void sseErrorEventsOfBothShapesEndTheStreamWithATypedError() {
    stubSse("""
        data: {"type":"error","done":true,"status_code":400,"error":"Invalid voice ID","context_id":"ctx-9"}

        """);
    StreamErrorException older;
    try (EventStream<WebSocketResponse> stream = client(server).tts().sse(sseRequest())) {
      older = catchThrowableOfType(StreamErrorException.class, () -> readAll(stream));
    }
    stubSse("""
        data: {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":1.0}

        data: {"type":"error","done":true,"status_code":429,"error_code":"concurrency_limited","title":"Too many concurrent requests","message":"You have exceeded your plan's concurrency limit.","request_id":"550e8400-e29b-41d4-a716-446655440000","context_id":"happy-monkeys-fly"}

        data: {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":1.0}

        """);
    List<WebSocketResponse> before = new ArrayList<>();
    StreamErrorException newer;
    try (EventStream<WebSocketResponse> stream = client(server).tts().sse(sseRequest())) {
      newer = catchThrowableOfType(
          StreamErrorException.class, () -> stream.forEachRemaining(before::add));
      assertThatThrownBy(stream::hasNext).as("the same end every time").isSameAs(newer);
    }

    assertThat(older).hasMessageContaining("Invalid voice ID");
    assertThat(older.statusCode()).hasValue(400);
    assertThat(older.contextId()).as("an SSE stream has no contexts").isEmpty();
    assertThat(before)
        .as("what came before the error")
        .singleElement()
        .isInstanceOf(WebSocketChunkResponse.class);
    assertThat(newer).hasMessageContaining("You have exceeded your plan's concurrency limit.");
    assertThat(newer.statusCode()).hasValue(429);
    WebSocketErrorResponse error =
        newer.serverMessage(WebSocketErrorResponse.class).orElseThrow();
    assertThat(error.title()).contains("Too many concurrent requests");
    assertThat(error.additionalProperties()).containsKeys("error_code", "request_id");
  }

  @Test
  void malformedEventDataIsADecodeErrorOfTheStreamAndIterationGoesOn() {
    stubSse("""
        data: {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":1.0}

        event: chunk
        data: {"type":"chunk","data":"sk_test_DO_NOT_LEAK_123 is not base64

        data: {"type":"done","done":true,"status_code":200}

        """);

    try (EventStream<WebSocketResponse> stream = client(server).tts().sse(sseRequest())) {
      assertThat(stream.next()).isInstanceOf(WebSocketChunkResponse.class);
      assertThat(stream.next()).isInstanceOf(WebSocketDoneResponse.class);
      assertThat(stream.hasNext()).isFalse();
      assertThat(stream.decodeErrors())
          .singleElement()
          .satisfies(error -> assertThat(error)
              .isInstanceOf(StreamDecodeException.class)
              .hasMessageContaining("event 2")
              .hasMessageContaining("is not base64")
              .hasMessageNotContaining(API_KEY));
    }
  }

  @Test
  void anEventOfTheWrongShapeIsNotSkipped() {
    stubSse("""
        data: {"type":"chunk","done":false,"status_code":206}

        data: [1,2,3]

        data: {"type":"done","done":true,"status_code":200}

        """);

    try (EventStream<WebSocketResponse> stream = client(server).tts().sse(sseRequest())) {
      assertThat(stream.next()).isInstanceOf(WebSocketDoneResponse.class);
      assertThat(stream.decodeErrors()).hasSize(2);
      assertThat(stream.decodeErrors().get(0)).hasMessageContaining("event 1");
      assertThat(stream.decodeErrors().get(1)).hasMessageContaining("event 2");
    }
  }

  /** Fact sheet 7.1: a reader ends the stream on {@code done} or at the end of the body. */
  @Test
  void sseEndsAtDoneWithoutWaitingForTheEndOfTheBody() {
    String events = DATA_ONLY;
    // Keep-alive comments after done, sent in a second piece three seconds after the first.
    String padding = ": keep-alive\n".repeat(events.length() / 13 + 20) + "\n";
    server.stubFor(post("/tts/sse")
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/event-stream")
            .withBody(events + padding)
            .withChunkedDribbleDelay(2, 6_000)));

    try (EventStream<WebSocketResponse> stream = client(server).tts().sse(sseRequest())) {
      assertThat(stream.next()).isInstanceOf(WebSocketChunkResponse.class);
      assertThat(stream.next()).isInstanceOf(WebSocketDoneResponse.class);
      long start = System.nanoTime();
      assertThat(stream.hasNext()).isFalse();
      assertThat((System.nanoTime() - start) / 1_000_000)
          .as("milliseconds hasNext() waited after done")
          .isLessThan(1_000);
    }
  }

  @Test
  void closingTheStreamEarlyClosesTheResponse() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      body.append("data: {\"type\":\"chunk\",\"data\":\"")
          .append(EIGHT_ZEROS.repeat(50))
          .append("\",\"done\":false,\"status_code\":206,\"step_time\":1.0}\n\n");
    }
    body.append("data: {\"type\":\"done\",\"done\":true,\"status_code\":200}\n\n");
    // The body dribbles out over 20 seconds; the test is over long before.
    server.stubFor(post("/tts/sse")
        .willReturn(aResponse()
            .withHeader("Content-Type", "text/event-stream")
            .withBody(body.toString())
            .withChunkedDribbleDelay(100, 20_000)));
    ConnectionPool pool = new ConnectionPool();
    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .maxRetries(0)
        .httpClient(new OkHttpClient.Builder().connectionPool(pool).build())
        .build();

    long start = System.nanoTime();
    EventStream<WebSocketResponse> stream = client.tts().sse(sseRequest());
    assertThat(stream.next()).isInstanceOf(WebSocketChunkResponse.class);
    assertThat(pool.connectionCount()).isEqualTo(1);
    stream.close();
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(stream.hasNext()).isFalse();
    assertThat(elapsedMillis).as("closing does not read the rest of the body").isLessThan(10_000);
    // A response that was not read to its end cannot be reused: its connection is closed, not
    // pooled.
    assertThat(pool.connectionCount()).isZero();
  }

  @Test
  void aStreamReadToItsEndGivesItsConnectionBack() {
    stubSse(DATA_ONLY);
    ConnectionPool pool = new ConnectionPool();
    Cartesia client = Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .maxRetries(0)
        .httpClient(new OkHttpClient.Builder().connectionPool(pool).build())
        .build();

    try (EventStream<WebSocketResponse> stream = client.tts().sse(sseRequest())) {
      assertThat(readAll(stream)).hasSize(2);
    }

    assertThat(pool.idleConnectionCount()).isEqualTo(1);
  }

  @Test
  void collectingSpeechFromAStreamThatReportsAnErrorThrowsInsteadOfReturningTheAudioSoFar() {
    stubSse("""
        data: {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":12.0}

        data: {"type":"error","done":true,"status_code":500,"error":"generation failed for %s"}

        """.formatted(API_KEY));

    try (EventStream<WebSocketResponse> stream = client(server).tts().sse(sseRequest())) {
      StreamErrorException error = catchThrowableOfType(
          StreamErrorException.class, () -> client(server).tts().collectSpeech(stream));

      assertThat(error)
          .hasMessageContaining("generation failed for")
          .message()
          .doesNotContain(API_KEY);
      assertThat(error.statusCode()).hasValue(500);
      assertThat(error
              .serverMessage(WebSocketErrorResponse.class)
              .map(WebSocketErrorResponse::statusCode))
          .contains(500L);
    }
  }
}
