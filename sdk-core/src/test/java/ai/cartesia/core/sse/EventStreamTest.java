package ai.cartesia.core.sse;

import static ai.cartesia.core.testing.Secrets.API_KEY;
import static ai.cartesia.core.testing.Secrets.assertNoKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cartesia.core.Secret;
import ai.cartesia.core.errors.StreamDecodeException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.json.TextDecoder;
import ai.cartesia.core.internal.sse.ResponseEventStream;
import ai.cartesia.core.testing.DroppableSockets;
import ai.cartesia.core.testing.Threads;
import ai.cartesia.core.testing.TtsMessage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Retrofit;
import retrofit2.http.Body;
import retrofit2.http.POST;
import retrofit2.http.Streaming;

/** Typed, lazy SSE over a real loopback HTTP call: decoding, failures, and letting go of the call. */
@Timeout(20)
class EventStreamTest {

  private static final String SSE_BODY = "event: chunk\n"
      + "data: {\"type\":\"chunk\",\"data\":\"AAAAAAAAAAA=\",\"done\":false,\"status_code\":206,\"step_time\":41.2,\"context_id\":\"sse-1\"}\n\n"
      + "event: timestamps\n"
      + "data: {\"type\":\"timestamps\",\"done\":false,\"status_code\":206,\"context_id\":\"sse-1\",\"word_timestamps\":{\"words\":[\"Hello,\",\"world!\"],\"start\":[0.02,0.41],\"end\":[0.38,0.83]}}\n\n"
      + "event: done\n"
      + "data: {\"type\":\"done\",\"done\":true,\"status_code\":200,\"context_id\":\"sse-1\"}\n\n";

  private static final TextDecoder<TtsMessage> DECODER =
      TextDecoder.json(Json.mapper(), TtsMessage.class);

  private final MockWebServer server = new MockWebServer();
  private final DroppableSockets sockets = new DroppableSockets();
  private final OkHttpClient client = new OkHttpClient();
  private final CountDownLatch release = new CountDownLatch(1);

  interface SseService {
    @Streaming
    @POST("tts/sse")
    retrofit2.Call<ResponseBody> sse(@Body RequestBody body);
  }

  @BeforeEach
  void start() throws IOException {
    server.setServerSocketFactory(sockets);
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    sockets.dropAll();
    server.close();
  }

  private Call call() {
    return client.newCall(new Request.Builder()
        .url(server.url("/tts/sse"))
        .post(RequestBody.create("{}", MediaType.get("application/json")))
        .build());
  }

  private EventStream<TtsMessage> open(Call call) throws IOException {
    Response response = call.execute();
    return ResponseEventStream.builder(response.body(), DECODER)
        .call(call)
        .redacting(Secret.of(API_KEY)::redact)
        .endsAfter(TtsMessage::done)
        .build();
  }

  @Test
  void decodesTypedEventsAndEndsAfterTheLastOne() throws Exception {
    // After "done" the server would keep the stream open; the stream must not wait for more.
    server.enqueue(new MockResponse.Builder()
        .body(streaming(SSE_BODY, true, new AtomicInteger()))
        .build());
    try (EventStream<TtsMessage> events = open(call())) {
      List<TtsMessage> messages = events.stream().collect(Collectors.toList());
      assertThat(messages).hasSize(3);
      assertThat(messages.get(0)).isInstanceOf(TtsMessage.Chunk.class);
      assertThat(((TtsMessage.Chunk) messages.get(0)).data()).hasSize(8);
      assertThat(((TtsMessage.Timestamps) messages.get(1)).wordTimestamps().words())
          .containsExactly("Hello,", "world!");
      assertThat(messages.get(2)).isInstanceOf(TtsMessage.Done.class);
      assertThat(events.hasNext()).isFalse();
    }
    Threads.assertReleased(client, server.getPort());
  }

  @Test
  void readsEventsWithoutEventLinesThroughRetrofit() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .body(
            "data: {\"type\":\"chunk\",\"data\":\"AAAAAAAAAAA=\",\"done\":false,\"status_code\":206,\"step_time\":12.0}\n\n"
                + "data: {\"type\":\"done\",\"done\":true,\"status_code\":206}\n\n")
        .build());
    SseService service = new Retrofit.Builder()
        .baseUrl(server.url("/"))
        .client(client)
        .build()
        .create(SseService.class);
    retrofit2.Call<ResponseBody> call =
        service.sse(RequestBody.create("{}", MediaType.get("application/json")));
    ResponseBody body = call.execute().body();
    try (EventStream<TtsMessage> events =
        ResponseEventStream.builder(body, DECODER).call(call).build()) {
      assertThat(events.next()).isInstanceOf(TtsMessage.Chunk.class);
      assertThat(events.next()).isInstanceOf(TtsMessage.Done.class);
      assertThat(events.hasNext()).isFalse();
      assertThat(events.toString()).contains("POST /tts/sse");
    }
  }

  @Test
  void anUndecodableEventIsATypedErrorNamingItAndTheStreamGoesOn() throws Exception {
    String broken = "{\"type\":\"chunk\",\"data\":12,\"done\":false,\"step_time\":\""
        + "x".repeat(500) + API_KEY + "\"}";
    server.enqueue(new MockResponse.Builder()
        .body("event: chunk\nid: 1\ndata: {\"type\":\"chunk\",\"data\":\"AAAA\",\"done\":false}\n\n"
            + "event: chunk\nid: 2\ndata: " + broken + "\n\n"
            + "data: {\"type\":\"done\",\"done\":true}\n\n")
        .build());
    try (EventStream<TtsMessage> events = open(call())) {
      assertThat(events.next()).isInstanceOf(TtsMessage.Chunk.class);
      assertThat(events.next()).as("the stream goes on").isInstanceOf(TtsMessage.Done.class);
      StreamDecodeException error = events.decodeErrors().get(0);
      assertThat(events.decodeErrorCount()).isEqualTo(1);
      assertThat(error)
          .hasMessageContaining("event 2 (chunk) id 2 of POST /tts/sse")
          .hasMessageContaining("more characters");
      assertThat(error.excerpt().length()).isLessThan(300);
      assertNoKey(error, events);
    }
  }

  @Test
  void aDropMidStreamIsATransportErrorAfterTheEventsBeforeIt() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .body(streaming(
            SSE_BODY.substring(0, SSE_BODY.indexOf("event: done")), true, new AtomicInteger()))
        .build());
    try (EventStream<TtsMessage> events = open(call())) {
      assertThat(events.next()).isInstanceOf(TtsMessage.Chunk.class);
      assertThat(events.next()).isInstanceOf(TtsMessage.Timestamps.class);
      sockets.dropAll();
      TransportException error = catchThrowableOfType(TransportException.class, events::hasNext);
      assertThat(error).hasMessageContaining("POST /tts/sse failed after 2 events");
      assertNoKey(error);
      assertThatThrownBy(events::hasNext).as("the end is the same every time").isSameAs(error);
    }
    Threads.assertReleased(client, server.getPort());
  }

  @Test
  void closingEarlyCancelsTheCallAndTheServerStopsWriting() throws Exception {
    AtomicInteger written = new AtomicInteger();
    server.enqueue(new MockResponse.Builder().body(endless(written)).build());
    Call call = call();
    EventStream<TtsMessage> events = open(call);
    for (int i = 0; i < 3; i++) events.next();
    events.close();

    assertThat(call.isCanceled()).isTrue();
    Threads.assertReleased(client, server.getPort());
    int after = written.get();
    Thread.sleep(300);
    assertThat(written.get()).as("the server could not write much more").isLessThan(after + 50);
    assertThatThrownBy(events::next).isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void closingFromAnotherThreadEndsAReadThatIsBlockedWaitingForTheServer() throws Exception {
    // One event, then the server holds the stream open and writes nothing more.
    server.enqueue(new MockResponse.Builder()
        .body(streaming(
            SSE_BODY.substring(0, SSE_BODY.indexOf("event: timestamps")),
            true,
            new AtomicInteger()))
        .build());
    Call call = call();
    EventStream<TtsMessage> events = open(call);
    assertThat(events.next()).isInstanceOf(TtsMessage.Chunk.class);
    CompletableFuture<Boolean> blockedRead = CompletableFuture.supplyAsync(events::hasNext);
    Thread.sleep(200);
    assertThat(blockedRead).as("the read waits for the server").isNotDone();

    events.close();

    assertThat(blockedRead.get(5, TimeUnit.SECONDS))
        .as("the read ends quietly, without an error")
        .isFalse();
    assertThat(call.isCanceled()).isTrue();
    assertThat(events.hasNext()).isFalse();
    Threads.assertReleased(client, server.getPort());
  }

  @Test
  void theJsonLinesFramingFeedsTheSameDecoder() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .body(
            "{\"type\":\"chunk\",\"data\":\"AAAAAAAAAAA=\",\"done\":false}\n{\"type\":\"done\",\"done\":true}\n")
        .build());
    Call call = call();
    try (EventStream<TtsMessage> events = ResponseEventStream.builder(
            call.execute().body(), DECODER)
        .jsonLinesOrSse()
        .call(call)
        .build()) {
      assertThat(events.stream().map(message -> message.getClass().getSimpleName()))
          .containsExactly("Chunk", "Done");
    }
  }

  /** A body written as it goes, flushed after each event; optionally held open at the end. */
  private MockResponseBody streaming(String events, boolean holdOpen, AtomicInteger written) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        for (String event : events.split("(?<=\n\n)")) {
          sink.writeUtf8(event);
          sink.flush();
          written.incrementAndGet();
        }
        if (holdOpen) {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }

  private MockResponseBody endless(AtomicInteger written) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        while (release.getCount() > 0) {
          sink.writeUtf8("data: {\"type\":\"chunk\",\"data\":\"AAAAAAAAAAA=\",\"done\":false}\n\n");
          sink.flush();
          written.incrementAndGet();
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    };
  }
}
