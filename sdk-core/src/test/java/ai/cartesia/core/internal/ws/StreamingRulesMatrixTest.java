package ai.cartesia.core.internal.ws;

import static ai.cartesia.core.testing.Secrets.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.Secret;
import ai.cartesia.core.audio.CollectedSpeech;
import ai.cartesia.core.errors.ConnectionClosedException;
import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.errors.StreamTruncatedException;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.json.TextDecoder;
import ai.cartesia.core.internal.sse.ResponseEventStream;
import ai.cartesia.core.internal.stream.ServerError;
import ai.cartesia.core.sse.EventStream;
import ai.cartesia.core.testing.Frames;
import ai.cartesia.core.testing.LoopbackSocket;
import ai.cartesia.core.testing.SttMessage;
import ai.cartesia.core.testing.TtsMessage;
import ai.cartesia.core.testing.TtsProtocol;
import ai.cartesia.core.testing.TtsRequest;
import ai.cartesia.core.ws.MessageStream;
import ai.cartesia.core.ws.StreamSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming model, one rule at a time, on every transport (SSE, TTS WebSocket context, STT
 * WebSocket session) and every way of reading, against real loopback servers.
 */
@Timeout(30)
class StreamingRulesMatrixTest {

  enum Transport {
    SSE,
    TTS_WEBSOCKET,
    STT_WEBSOCKET
  }

  enum Reading {
    ITERATOR,
    FOR_EACH,
    STREAM,
    PUBLISHER,
    LISTEN,
    COLLECT_SPEECH
  }

  /** What the server does after one good message. */
  enum Fault {
    /** another good message, then the terminal one */
    NONE,
    /** a frame that does not decode, then a good message and the terminal one */
    MALFORMED_FRAME,
    /** an error message */
    SERVER_ERROR,
    /** the body ends, or the socket closes normally, before the terminal message */
    CUT_BEFORE_DONE
  }

  private static final String CONTEXT = "ctx-1";
  private static final byte[] FIRST = {1, 2, 3};
  private static final byte[] SECOND = {4, 5};
  private static final String TRANSCRIPT =
      "{\"type\":\"transcript\",\"request_id\":\"r1\",\"text\":\"%s\",\"is_final\":true,\"words\":[]}";

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private ClientContext client;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Transport transport : Transport.values()) {
      for (Reading reading : Reading.values()) {
        // collectSpeech joins TTS audio; an STT session has none to join.
        if (reading == Reading.COLLECT_SPEECH && transport == Transport.STT_WEBSOCKET) continue;
        for (Fault fault : Fault.values()) cases.add(Arguments.of(transport, reading, fault));
      }
    }
    return cases.stream();
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = ClientContext.create(ClientOptions.builder()
        .baseUrl(server.url("/").toString())
        .apiKey(API_KEY)
        .build());
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : opened) closeable.close();
    server.close();
  }

  @ParameterizedTest(name = "{0} read by {1}, {2}")
  @MethodSource("cases")
  void everyTransportAndWayOfReadingFollowsTheSameRules(
      Transport transport, Reading reading, Fault fault) throws Exception {
    MessageStream<?> stream = open(transport, fault);
    Outcome outcome = read(stream, reading);

    switch (fault) {
      case NONE -> {
        assertThat(outcome.failure)
            .as("a stream that reached its terminal message ends normally")
            .isNull();
        assertThat(outcome.kinds).containsExactly(expectedKinds(transport, true, true));
        assertThat(stream.decodeErrors()).isEmpty();
      }
      case MALFORMED_FRAME -> {
        assertThat(outcome.failure)
            .as("a malformed frame does not end the stream")
            .isNull();
        assertThat(outcome.kinds)
            .as("the stream goes on past it")
            .containsExactly(expectedKinds(transport, true, true));
        assertThat(stream.decodeErrorCount()).isEqualTo(1);
        assertThat(stream.decodeErrors())
            .singleElement()
            .satisfies(error ->
                assertThat(error.getMessage()).doesNotContain(API_KEY).contains("cannot decode"));
      }
      case SERVER_ERROR -> {
        assertThat(outcome.failure).isInstanceOf(StreamErrorException.class);
        StreamErrorException error = (StreamErrorException) outcome.failure;
        assertThat(error.getMessage())
            .contains(transport == Transport.STT_WEBSOCKET ? "Idle timeout" : "invalid voice");
        if (transport == Transport.STT_WEBSOCKET) {
          assertThat(error.statusCode()).as("STT errors carry no status").isEmpty();
        } else {
          assertThat(error.statusCode()).hasValue(400);
        }
        assertThat(error.contextId())
            .isEqualTo(
                transport == Transport.TTS_WEBSOCKET ? Optional.of(CONTEXT) : Optional.empty());
        assertThat(outcome.kinds)
            .as("what came before the error")
            .containsExactly(expectedKinds(transport, false, false));
      }
      case CUT_BEFORE_DONE -> {
        assertThat(outcome.failure)
            .as("a cut stream never ends as a success")
            .isInstanceOf(
                transport == Transport.SSE
                    ? StreamTruncatedException.class
                    : ConnectionClosedException.class);
        assertThat(outcome.kinds)
            .as("what came before the cut")
            .containsExactly(expectedKinds(transport, false, false));
      }
    }
  }

  /** The kinds of message a reader sees: the first one, perhaps the second, perhaps the terminal one. */
  private static String[] expectedKinds(Transport transport, boolean second, boolean terminal) {
    List<String> kinds = new ArrayList<>();
    String message = transport == Transport.STT_WEBSOCKET ? "Transcript" : "Chunk";
    kinds.add(message);
    if (second) kinds.add(message);
    if (terminal) kinds.add("Done");
    return kinds.toArray(String[]::new);
  }

  // ---------------------------------------------------------------- reading

  private record Outcome(List<String> kinds, Throwable failure) {}

  private Outcome read(MessageStream<?> stream, Reading reading) throws Exception {
    List<String> kinds = new CopyOnWriteArrayList<>();
    Throwable failure = null;
    switch (reading) {
      case ITERATOR -> {
        try {
          Iterator<?> iterator = stream.iterator();
          while (iterator.hasNext()) kinds.add(kind(iterator.next()));
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      case FOR_EACH -> {
        try {
          for (Object message : stream) kinds.add(kind(message));
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      case STREAM -> {
        try (Stream<?> messages = stream.stream()) {
          messages.forEach(message -> kinds.add(kind(message)));
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      case PUBLISHER -> failure = subscribeOneAtATime(stream, kinds);
      case LISTEN -> {
        CountDownLatch ended = new CountDownLatch(1);
        Throwable[] error = new Throwable[1];
        stream.listen(
            message -> kinds.add(kind(message)),
            e -> {
              error[0] = e;
              ended.countDown();
            },
            ended::countDown);
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the stream ended").isTrue();
        failure = error[0];
      }
      case COLLECT_SPEECH -> {
        @SuppressWarnings("unchecked")
        Iterator<TtsMessage> messages = (Iterator<TtsMessage>) stream.iterator();
        Iterator<TtsMessage> counted = new Iterator<>() {
          @Override
          public boolean hasNext() {
            return messages.hasNext();
          }

          @Override
          public TtsMessage next() {
            TtsMessage next = messages.next();
            kinds.add(kind(next));
            return next;
          }
        };
        try {
          CollectedSpeech speech = CollectedSpeech.collect(
              counted,
              message -> message instanceof TtsMessage.Chunk chunk ? chunk.data() : null,
              message -> List.of());
          assertThat(speech.audio())
              .as("all the audio, only when complete")
              .isEqualTo(concat(FIRST, SECOND));
        } catch (RuntimeException e) {
          failure = e;
        }
      }
    }
    return new Outcome(List.copyOf(kinds), failure);
  }

  /** A subscriber that asks for one message at a time, as a slow consumer would. */
  private static <R> Throwable subscribeOneAtATime(MessageStream<R> stream, List<String> kinds)
      throws InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    Throwable[] error = new Throwable[1];
    stream.subscribe(new Flow.Subscriber<R>() {
      private Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
      }

      @Override
      public void onNext(R item) {
        kinds.add(kind(item));
        subscription.request(1);
      }

      @Override
      public void onError(Throwable throwable) {
        error[0] = throwable;
        ended.countDown();
      }

      @Override
      public void onComplete() {
        ended.countDown();
      }
    });
    assertThat(ended.await(10, TimeUnit.SECONDS)).as("the stream ended").isTrue();
    return error[0];
  }

  private static String kind(Object message) {
    return message.getClass().getSimpleName();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  // ---------------------------------------------------------------- transports

  private MessageStream<?> open(Transport transport, Fault fault) throws Exception {
    return switch (transport) {
      case SSE -> sse(fault);
      case TTS_WEBSOCKET -> ttsContext(fault);
      case STT_WEBSOCKET -> sttSession(fault);
    };
  }

  /** The TTS frames of a fault: the first chunk, then what the fault says. */
  private static List<String> ttsFrames(Fault fault) {
    List<String> frames = new ArrayList<>(List.of(Frames.chunk(CONTEXT, FIRST)));
    switch (fault) {
      case NONE -> frames.addAll(List.of(Frames.chunk(CONTEXT, SECOND), Frames.done(CONTEXT)));
      case MALFORMED_FRAME ->
        frames.addAll(List.of(
            "{\"type\":\"chunk\",\"context_id\":\"" + CONTEXT + "\",\"data\":\"%%% not base64 "
                + API_KEY + "\",\"done\":false}",
            Frames.chunk(CONTEXT, SECOND),
            Frames.done(CONTEXT)));
      case SERVER_ERROR -> frames.add(Frames.error(CONTEXT, "invalid voice"));
      case CUT_BEFORE_DONE -> {}
    }
    return frames;
  }

  private static Optional<ServerError> ttsError(TtsMessage message) {
    return message instanceof TtsMessage.Error error
        ? Optional.of(ServerError.of(error.error(), error.statusCode()))
        : Optional.empty();
  }

  private MessageStream<?> sse(Fault fault) throws Exception {
    StringBuilder body = new StringBuilder();
    for (String frame : ttsFrames(fault)) body.append("data: ").append(frame).append("\n\n");
    server.enqueue(new MockResponse.Builder().body(body.toString()).build());
    Call call = http.newCall(new Request.Builder()
        .url(server.url("/tts/sse"))
        .post(RequestBody.create("{}", MediaType.get("application/json")))
        .build());
    Response response = call.execute();
    EventStream<TtsMessage> events = ResponseEventStream.builder(
            response.body(), TextDecoder.json(Json.mapper(), TtsMessage.class))
        .call(call)
        .endsAfter(TtsMessage::done)
        .failsOn(StreamingRulesMatrixTest::ttsError)
        .redacting(Secret.of(API_KEY)::redact)
        .build();
    opened.add(events);
    return events;
  }

  private MessageStream<?> ttsContext(Fault fault) throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    WebSocketChannel<TtsRequest, TtsMessage> channel =
        WebSocketChannel.<TtsRequest, TtsMessage>builder(
                "tts/websocket", FrameDecoder.json(Json.mapper(), TtsMessage.class))
            .apiKeyQueryParameter("api_key")
            .errorOf(StreamingRulesMatrixTest::ttsError)
            .build();
    MultiplexedSession<TtsRequest, TtsMessage> session = MultiplexedSession.connect(
        client, channel, new TtsProtocol(), Map.of(), StreamSettings.defaults());
    opened.add(session);
    MultiplexedContext<TtsRequest, TtsMessage> context = session.context(CONTEXT);
    for (String frame : ttsFrames(fault)) socket.send(frame);
    if (fault == Fault.CUT_BEFORE_DONE) socket.close(1000, "bye");
    return context.messages();
  }

  private MessageStream<?> sttSession(Fault fault) throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    WebSocketChannel<Object, SttMessage> channel = WebSocketChannel.<Object, SttMessage>builder(
            "stt/websocket", FrameDecoder.json(Json.mapper(), SttMessage.class))
        .apiKeyQueryParameter("api_key")
        .lastMessage(message -> message instanceof SttMessage.Done)
        .errorOf(message -> message instanceof SttMessage.Error error
            ? Optional.of(ServerError.of(error.message()))
            : Optional.empty())
        .build();
    WebSocketSession<Object, SttMessage> session =
        WebSocketSession.connect(client, channel, Map.of(), StreamSettings.defaults());
    opened.add(session);
    socket.send(String.format(TRANSCRIPT, "Hello"));
    switch (fault) {
      case NONE -> {
        socket.send(String.format(TRANSCRIPT, "there"));
        socket.send("{\"type\":\"done\",\"request_id\":\"r1\"}");
        socket.close(1000, "done");
      }
      case MALFORMED_FRAME -> {
        socket.send("{\"type\":\"transcript\",\"is_final\":\"perhaps\" " + API_KEY);
        socket.send(String.format(TRANSCRIPT, "there"));
        socket.send("{\"type\":\"done\",\"request_id\":\"r1\"}");
        socket.close(1000, "done");
      }
      case SERVER_ERROR ->
        socket.send("{\"type\":\"error\",\"request_id\":\"r1\",\"message\":\"Idle timeout\"}");
      case CUT_BEFORE_DONE -> socket.close(1000, "bye");
    }
    return session.messages();
  }
}
