package ai.cartesia.core.internal.ws;

import static ai.cartesia.core.testing.Secrets.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.errors.ConnectionClosedException;
import ai.cartesia.core.errors.ReceiveTimeoutException;
import ai.cartesia.core.errors.StreamOverflowException;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.testing.Frames;
import ai.cartesia.core.testing.LoopbackSocket;
import ai.cartesia.core.testing.TtsMessage;
import ai.cartesia.core.testing.TtsProtocol;
import ai.cartesia.core.testing.TtsRequest;
import ai.cartesia.core.ws.OverflowPolicy;
import ai.cartesia.core.ws.StreamSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Incremental text, the two overflow policies, the receive timeout default and the bound on delivery threads. */
@Timeout(60)
class SessionPoliciesTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MockWebServer server = new MockWebServer();
  private ClientContext client;
  private WebSocketChannel<TtsRequest, TtsMessage> channel;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = ClientContext.create(ClientOptions.builder()
        .baseUrl(server.url("/").toString())
        .apiKey(API_KEY)
        .timeout(Duration.ofSeconds(42))
        .build());
    channel = WebSocketChannel.<TtsRequest, TtsMessage>builder(
            "tts/websocket", FrameDecoder.json(Json.mapper(), TtsMessage.class))
        .apiKeyQueryParameter("api_key")
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : opened) closeable.close();
    server.close();
  }

  private MultiplexedSession<TtsRequest, TtsMessage> connect(StreamSettings settings) {
    MultiplexedSession<TtsRequest, TtsMessage> session =
        MultiplexedSession.connect(client, channel, new TtsProtocol(), Map.of(), settings);
    opened.add(session);
    return session;
  }

  @Test
  void incrementalTextSendsTheFlagsAndAFlushCompletesOnItsAcknowledgement() throws Exception {
    // The server acknowledges each flush after one chunk of audio, and ends the context on the end
    // of input.
    LoopbackSocket socket = LoopbackSocket.enqueue(server, (s, text) -> {
      try {
        JsonNode message = Json.mapper().readTree(text);
        String id = message.get("context_id").asText();
        if (message.path("flush").asBoolean()) {
          s.send(Frames.chunk(id, new byte[] {1}));
          s.send(
              "{\"type\":\"flush_done\",\"done\":false,\"flush_done\":true,\"flush_id\":1,\"context_id\":\""
                  + id + "\"}");
        } else if (!message.path("continue").asBoolean()) {
          s.send(Frames.done(id));
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    MultiplexedContext<TtsRequest, TtsMessage> context =
        connect(StreamSettings.defaults()).context("agent");
    IncrementalText<TtsRequest, TtsMessage> text = new IncrementalText<>(
        context,
        piece -> new TtsRequest.Generate(null, piece, true),
        TtsRequest.Flush::now,
        () -> new TtsRequest.Generate(null, "", false),
        message -> message instanceof TtsMessage.FlushDone);

    text.push("Hello, ");
    text.push("world.");
    CompletableFuture<Void> flushed = text.flush();
    flushed.get(10, TimeUnit.SECONDS);
    text.endInput();
    assertThatThrownBy(() -> text.push("more"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("input has ended");
    context.finished().get(10, TimeUnit.SECONDS);

    assertThat(socket.takeText())
        .isEqualTo("{\"context_id\":\"agent\",\"transcript\":\"Hello, \",\"continue\":true}");
    assertThat(socket.takeText())
        .isEqualTo("{\"context_id\":\"agent\",\"transcript\":\"world.\",\"continue\":true}");
    assertThat(socket.takeText())
        .isEqualTo(
            "{\"context_id\":\"agent\",\"transcript\":\"\",\"continue\":true,\"flush\":true}");
    assertThat(socket.takeText())
        .isEqualTo("{\"context_id\":\"agent\",\"transcript\":\"\",\"continue\":false}");
    assertThat(context.messages().stream().map(m -> m.getClass().getSimpleName()))
        .containsExactly("Chunk", "FlushDone", "Done");
  }

  @Test
  void aFlushStillAwaitedWhenTheSocketEndsFailsWithTheConnectionError() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    MultiplexedContext<TtsRequest, TtsMessage> context =
        connect(StreamSettings.defaults()).context("agent");
    IncrementalText<TtsRequest, TtsMessage> text = new IncrementalText<>(
        context,
        piece -> new TtsRequest.Generate(null, piece, true),
        TtsRequest.Flush::now,
        () -> new TtsRequest.Generate(null, "", false),
        message -> message instanceof TtsMessage.FlushDone);
    text.push("Hello.");
    CompletableFuture<Void> flushed = text.flush();
    socket.close(1000, "going away");
    assertThat(flushed)
        .failsWithin(WAIT)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(ConnectionClosedException.class);
  }

  /** A context nobody reads while another context's done arrives after its frames on the same socket. */
  private static void sendBehindAnUnreadContext(LoopbackSocket socket) throws Exception {
    for (int i = 0; i < 10; i++) socket.send(Frames.chunk("unread", new byte[] {(byte) i}));
    socket.send(Frames.done("unread"));
    socket.send(Frames.done("other"));
  }

  @Test
  void underFailAContextThatFallsBehindEndsWithAnOverflowAndTheOthersGoOn() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    MultiplexedSession<TtsRequest, TtsMessage> session =
        connect(StreamSettings.defaults().withBufferCapacity(3));
    MultiplexedContext<TtsRequest, TtsMessage> unread = session.context("unread");
    MultiplexedContext<TtsRequest, TtsMessage> other = session.context("other");
    sendBehindAnUnreadContext(socket);
    other.finished().get(10, TimeUnit.SECONDS); // the reader went past the full context

    assertThat(unread.receive(WAIT)).isPresent();
    assertThat(unread.receive(WAIT)).isPresent();
    assertThat(unread.receive(WAIT)).isPresent();
    assertThatThrownBy(() -> unread.receive(WAIT))
        .isInstanceOf(StreamOverflowException.class)
        .hasMessageContaining("OverflowPolicy.WAIT");
    assertThat(unread.messages().discarded()).isEqualTo(8);
  }

  @Test
  void underWaitTheReaderHoldsUntilTheConsumerTakesAndNothingIsLost() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    MultiplexedSession<TtsRequest, TtsMessage> session = connect(
        StreamSettings.defaults().withBufferCapacity(3).withOverflowPolicy(OverflowPolicy.WAIT));
    MultiplexedContext<TtsRequest, TtsMessage> unread = session.context("unread");
    MultiplexedContext<TtsRequest, TtsMessage> other = session.context("other");
    sendBehindAnUnreadContext(socket);

    // The other context's done is behind eleven messages for a buffer of three: it can only arrive
    // once the slow context is read, which is what back-pressure means.
    List<Integer> audio = new ArrayList<>();
    for (TtsMessage message : (Iterable<TtsMessage>) unread::iterator) {
      if (message instanceof TtsMessage.Chunk chunk) audio.add((int) chunk.data()[0]);
      if (audio.size() == 3)
        assertThat(other.finished()).as("held behind the full buffer").isNotDone();
    }
    other.finished().get(10, TimeUnit.SECONDS);
    assertThat(audio).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(unread.messages().discarded()).isZero();
  }

  @Test
  void theReceiveTimeoutIsTheClientsUnlessSet() {
    ClientContext quick = ClientContext.create(ClientOptions.builder()
        .baseUrl(server.url("/").toString())
        .apiKey(API_KEY)
        .timeout(Duration.ofMillis(300))
        .build());
    LoopbackSocket.enqueue(server);
    LoopbackSocket.enqueue(server);
    MultiplexedSession<TtsRequest, TtsMessage> byDefault = MultiplexedSession.connect(
        quick, channel, new TtsProtocol(), Map.of(), StreamSettings.defaults());
    MultiplexedSession<TtsRequest, TtsMessage> set = MultiplexedSession.connect(
        quick,
        channel,
        new TtsProtocol(),
        Map.of(),
        StreamSettings.defaults().withReceiveTimeout(Duration.ofMillis(200)));
    opened.add(byDefault);
    opened.add(set);

    assertThatThrownBy(() -> byDefault.context("a").iterator().hasNext())
        .isInstanceOfSatisfying(
            ReceiveTimeoutException.class,
            timeout -> assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(300)));
    assertThatThrownBy(() -> set.context("b").iterator().hasNext())
        .isInstanceOfSatisfying(
            ReceiveTimeoutException.class,
            timeout -> assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(200)));
  }

  @Test
  void tenThousandContextsOverFiftySessionsReadWithCallbacksUseABoundedNumberOfDeliveryThreads()
      throws Exception {
    int sessions = 50;
    int contextsPerSession = 200;
    List<MultiplexedSession<TtsRequest, TtsMessage>> open = new ArrayList<>();
    for (int s = 0; s < sessions; s++) {
      // Each request is answered with a chunk and done for its context.
      LoopbackSocket.enqueue(server, (socket, text) -> {
        try {
          String id = Json.mapper().readTree(text).get("context_id").asText();
          socket.send(Frames.chunk(id, new byte[] {7}));
          socket.send(Frames.done(id));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      open.add(connect(StreamSettings.defaults()));
    }
    int total = sessions * contextsPerSession;
    CountDownLatch ended = new CountDownLatch(total);
    AtomicInteger chunks = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    for (MultiplexedSession<TtsRequest, TtsMessage> session : open) {
      for (int c = 0; c < contextsPerSession; c++) {
        MultiplexedContext<TtsRequest, TtsMessage> context = session.context();
        context
            .messages()
            .listen(
                message -> {
                  if (message instanceof TtsMessage.Chunk) chunks.incrementAndGet();
                },
                error -> {
                  failures.incrementAndGet();
                  ended.countDown();
                },
                ended::countDown);
        context.send(TtsRequest.Generate.of("Hi."));
      }
    }
    assertThat(ended.await(45, TimeUnit.SECONDS)).as("every context ended").isTrue();
    long deliveryThreads = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("cartesia-stream-delivery"))
        .count();

    assertThat(failures).hasValue(0);
    assertThat(chunks).hasValue(total);
    assertThat(deliveryThreads)
        .as("delivery threads for %d contexts", total)
        .isPositive()
        .isLessThanOrEqualTo(DeliveryExecutor.SHARED_THREADS);
  }
}
