package ai.cartesia.core.internal.ws;

import static ai.cartesia.core.testing.Secrets.API_KEY;
import static ai.cartesia.core.testing.Secrets.assertNoKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.errors.ConnectionClosedException;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamCancelledException;
import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.errors.StreamOverflowException;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.testing.DroppableSockets;
import ai.cartesia.core.testing.Frames;
import ai.cartesia.core.testing.LoopbackSocket;
import ai.cartesia.core.testing.Threads;
import ai.cartesia.core.testing.TtsMessage;
import ai.cartesia.core.testing.TtsProtocol;
import ai.cartesia.core.testing.TtsRequest;
import ai.cartesia.core.ws.*;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One TTS-like socket carrying many contexts, against a real loopback server. */
@Timeout(30)
class MultiplexedSessionTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final MockWebServer server = new MockWebServer();
  private final DroppableSockets sockets = new DroppableSockets();
  private final List<Object> shown = new ArrayList<>();
  private ClientContext client;
  private WebSocketChannel<TtsRequest, TtsMessage> channel;

  @BeforeEach
  void start() throws Exception {
    server.setServerSocketFactory(sockets);
    server.start();
    client = ClientContext.create(ClientOptions.builder()
        .baseUrl(server.url("/").toString())
        .apiKey(API_KEY)
        .build());
    channel = WebSocketChannel.<TtsRequest, TtsMessage>builder(
            "tts/websocket", FrameDecoder.json(Json.mapper(), TtsMessage.class))
        .constantQuery("cartesia_version", "2024-11-13")
        .apiKeyQueryParameter("api_key")
        .build();
  }

  @AfterEach
  void stop() {
    // Whatever the test showed, the key is in none of it.
    assertNoKey(shown.toArray());
    sockets.dropAll();
    server.close();
  }

  private MultiplexedSession<TtsRequest, TtsMessage> connect(StreamSettings settings) {
    MultiplexedSession<TtsRequest, TtsMessage> session =
        MultiplexedSession.connect(client, channel, new TtsProtocol(), Map.of(), settings);
    shown.add(session);
    return session;
  }

  private MultiplexedSession<TtsRequest, TtsMessage> connect() {
    return connect(StreamSettings.defaults());
  }

  private <T extends Throwable> T shown(T error) {
    shown.add(error);
    return error;
  }

  @Test
  void routesInterleavedAudioOf120ContextsEachInOrder() throws Exception {
    int contexts = 120;
    int chunks = 20;
    Set<String> asked = ConcurrentHashMap.newKeySet();
    LoopbackSocket.enqueue(server, (socket, text) -> {
      asked.add(text);
      if (asked.size() < contexts) return;
      // Every context asked: answer all of them at once, interleaved chunk by chunk.
      try {
        for (int i = 0; i < chunks; i++) {
          for (int c = 0; c < contexts; c++)
            socket.send(Frames.chunk("ctx-" + c, Frames.audio("ctx-" + c, i)));
        }
        for (int c = 0; c < contexts; c++) socket.send(Frames.done("ctx-" + c));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });

    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      Map<String, CompletableFuture<byte[]>> audio = new LinkedHashMap<>();
      for (int c = 0; c < contexts; c++) {
        MultiplexedContext<TtsRequest, TtsMessage> context = session.context("ctx-" + c);
        // A third of the contexts read by iterator, a third by publisher, a third by callbacks.
        audio.put(
            context.id(),
            switch (c % 3) {
              case 0 -> CompletableFuture.supplyAsync(() -> collect(context.iterator()));
              case 1 -> viaPublisher(context.messages());
              default -> viaCallbacks(context.messages());
            });
        context.send(TtsRequest.Generate.of("Hello number " + c + "."));
      }

      for (Map.Entry<String, CompletableFuture<byte[]>> entry : audio.entrySet()) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < chunks; i++) expected.write(Frames.audio(entry.getKey(), i));
        assertThat(entry.getValue().get(20, TimeUnit.SECONDS))
            .as(entry.getKey())
            .isEqualTo(expected.toByteArray());
      }
      assertThat(session.contextIds()).as("every context finished").isEmpty();
    }
    assertThat(asked).allSatisfy(text -> assertThat(text).contains("\"context_id\":\"ctx-"));
  }

  private static byte[] collect(Iterator<TtsMessage> messages) {
    ByteArrayOutputStream audio = new ByteArrayOutputStream();
    messages.forEachRemaining(message -> {
      if (message instanceof TtsMessage.Chunk chunk) audio.writeBytes(chunk.data());
    });
    return audio.toByteArray();
  }

  private static CompletableFuture<byte[]> viaCallbacks(MessageStream<TtsMessage> messages) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    ByteArrayOutputStream audio = new ByteArrayOutputStream();
    messages.listen(
        message -> {
          if (message instanceof TtsMessage.Chunk chunk) audio.writeBytes(chunk.data());
        },
        result::completeExceptionally,
        () -> result.complete(audio.toByteArray()));
    return result;
  }

  /** A subscriber that asks for one message at a time. */
  private static CompletableFuture<byte[]> viaPublisher(Flow.Publisher<TtsMessage> messages) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    messages.subscribe(new Flow.Subscriber<TtsMessage>() {
      private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
      private Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
      }

      @Override
      public void onNext(TtsMessage message) {
        if (message instanceof TtsMessage.Chunk chunk) audio.writeBytes(chunk.data());
        subscription.request(1);
      }

      @Override
      public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
      }

      @Override
      public void onComplete() {
        result.complete(audio.toByteArray());
      }
    });
    return result;
  }

  @Test
  void stampsTheContextIdAndRefusesAnotherContextsMessage() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      MultiplexedContext<TtsRequest, TtsMessage> context = session.context("happy-monkeys-fly");
      context.send(TtsRequest.Generate.of("Hello, "));
      context.send(new TtsRequest.Generate("happy-monkeys-fly", "world!", false));
      assertThat(socket.takeText())
          .contains("\"context_id\":\"happy-monkeys-fly\"")
          .contains("Hello, ");
      assertThat(socket.takeText())
          .contains("\"context_id\":\"happy-monkeys-fly\"")
          .contains("world!");

      assertThatThrownBy(() -> context.send(new TtsRequest.Generate("other", "x", false)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("other");
    }
  }

  @Test
  void anIdInUseIsRefusedAndTheDefaultIdIsFresh() throws Exception {
    LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      session.context("ctx-1");
      assertThatThrownBy(() -> session.context("ctx-1"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ctx-1 is already open");
      MultiplexedContext<TtsRequest, TtsMessage> first = session.context();
      MultiplexedContext<TtsRequest, TtsMessage> second = session.context();
      assertThat(first.id()).isNotEqualTo(second.id()).matches("[0-9a-f-]{36}");
      assertThat(session.contextIds()).containsExactlyInAnyOrder("ctx-1", first.id(), second.id());
    }
  }

  @Test
  void anErrorEndsOnlyItsContextAndKeepsTheServersMessage() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      MultiplexedContext<TtsRequest, TtsMessage> failing = session.context("ctx-9");
      MultiplexedContext<TtsRequest, TtsMessage> fine = session.context("ctx-1");
      socket.send(Frames.chunk("ctx-9", new byte[] {1}));
      socket.send(Frames.error("ctx-9", "Invalid voice ID"));
      socket.send(Frames.chunk("ctx-1", new byte[] {2}));
      socket.send(Frames.done("ctx-1"));

      assertThat(failing.receive(WAIT)).get().isInstanceOf(TtsMessage.Chunk.class);
      StreamErrorException error =
          shown(catchThrowable(StreamErrorException.class, () -> failing.receive(WAIT)));
      assertThat(error).hasMessageContaining("ctx-9").hasMessageContaining("Invalid voice ID");
      assertThat(error.contextId()).contains("ctx-9");
      assertThat(error.serverMessage()).isInstanceOf(TtsMessage.Error.class);
      assertThat(((TtsMessage.Error) error.serverMessage()).statusCode()).isEqualTo(400);

      assertThat(collect(fine.iterator())).containsExactly(2);
      assertThat(failing.isOpen()).isFalse();
    }
  }

  @Test
  void anUnknownTypeReachesItsContextWhichGoesOn() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      MultiplexedContext<TtsRequest, TtsMessage> context = session.context("ctx-1");
      socket.send(
          "{\"type\":\"warning\",\"done\":false,\"status_code\":206,\"context_id\":\"ctx-1\",\"note\":\"slow\"}");
      socket.send(Frames.timestamps("ctx-1", "Hello", 0.0, 0.4));
      socket.send(Frames.done("ctx-1"));

      assertThat(context.receive(WAIT))
          .get()
          .isEqualTo(new TtsMessage.Unknown("warning", "ctx-1", false));
      assertThat(context.receive(WAIT)).get().isInstanceOf(TtsMessage.Timestamps.class);
      assertThat(context.receive(WAIT)).get().isInstanceOf(TtsMessage.Done.class);
      assertThat(context.receive(WAIT)).isEmpty();
    }
  }

  @Test
  void aMalformedFrameIsReportedOnTheContextItNamesAndEveryContextGoesOn() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      MultiplexedContext<TtsRequest, TtsMessage> broken = session.context("ctx-bad");
      MultiplexedContext<TtsRequest, TtsMessage> fine = session.context("ctx-ok");
      socket.send(Frames.chunk("ctx-bad", new byte[] {1}));
      // data is not base64: the frame is JSON, but it does not bind
      socket.send(
          "{\"type\":\"chunk\",\"context_id\":\"ctx-bad\",\"data\":\"%%%not base64%%%\",\"done\":false}");
      socket.send(Frames.chunk("ctx-ok", new byte[] {7}));
      socket.send(Frames.done("ctx-ok"));
      socket.send(Frames.chunk("ctx-bad", new byte[] {3}));
      socket.send(Frames.done("ctx-bad"));

      assertThat(collect(broken.iterator()))
          .as("the frames around the broken one")
          .containsExactly(1, 3);
      assertThat(broken.messages().decodeErrors()).singleElement().satisfies(error -> {
        shown(error);
        assertThat(error).hasMessageContaining("frame 2").hasMessageContaining("not base64");
      });
      assertThat(broken.messages().decodeErrorCount()).isEqualTo(1);
      assertThat(collect(fine.iterator())).containsExactly(7);
      assertThat(fine.messages().decodeErrors()).isEmpty();
    }
  }

  @Test
  void whatBelongsToNoOpenContextGoesToTheSessionLevel() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      MultiplexedContext<TtsRequest, TtsMessage> context = session.context("ctx-1");
      socket.send(
          "{\"type\":\"error\",\"done\":true,\"status_code\":429,\"error\":\"concurrency limited\"}");
      socket.send(Frames.chunk("never-opened", new byte[] {1}));
      socket.send("this is not JSON at all");
      socket.send(Frames.done("ctx-1"));
      socket.send(Frames.chunk("ctx-1", new byte[] {9})); // after its last message

      BufferedMessageStream<Unrouted<TtsMessage>> unrouted = session.unrouted();
      assertThat(unrouted.receive(WAIT).orElseThrow().message())
          .get()
          .isInstanceOf(TtsMessage.Error.class);
      assertThat(unrouted.receive(WAIT).orElseThrow().message())
          .get()
          .extracting(TtsMessage::contextId)
          .isEqualTo("never-opened");
      // The garbage frame names no context: it is a decode error of the session-level channel.
      assertThat(unrouted.receive(WAIT).orElseThrow().message())
          .get()
          .extracting(TtsMessage::contextId)
          .isEqualTo("ctx-1");
      assertThat(unrouted.decodeErrors()).singleElement().satisfies(error -> shown(error));
      assertThat(context.receive(WAIT)).get().isInstanceOf(TtsMessage.Done.class);
      assertThat(context.receive(WAIT)).isEmpty();
    }
  }

  @Test
  void cancelSendsTheCancelMessageAndEndsTheContext() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      MultiplexedContext<TtsRequest, TtsMessage> context = session.context("ctx-1");
      context.send(TtsRequest.Generate.of("A long text"));
      socket.takeText();
      socket.send(Frames.chunk("ctx-1", new byte[] {1}));
      assertThat(context.receive(WAIT)).isPresent();

      CompletableFuture<Void> serverDone = context.cancel();
      assertThat(socket.takeText()).isEqualTo("{\"context_id\":\"ctx-1\",\"cancel\":true}");
      assertThatThrownBy(() -> context.receive(WAIT))
          .isInstanceOf(StreamCancelledException.class)
          .hasMessageContaining("cancelled by the caller");
      assertThat(serverDone).as("the server has not finished the context yet").isNotDone();
      assertThatThrownBy(() -> context.send(TtsRequest.Generate.of("more")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cancelled");

      // The server finishes what it had started; those messages are discarded and counted.
      socket.send(Frames.chunk("ctx-1", new byte[] {2}));
      socket.send(Frames.done("ctx-1"));
      serverDone.get(5, TimeUnit.SECONDS);
      assertThat(session.contextIds()).isEmpty();
      assertThat(context.messages().discarded()).isEqualTo(2);
    }
  }

  @Test
  void cancellingAContextThatSentNothingTellsTheServerNothingAndFreesItsId() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      MultiplexedContext<TtsRequest, TtsMessage> unused = session.context("unused");
      unused.cancel();
      assertThat(session.contextIds()).doesNotContain("unused");
      assertThat(unused.isOpen()).isFalse();
      MultiplexedContext<TtsRequest, TtsMessage> used = session.context("used");
      used.send(TtsRequest.Generate.of("Hi"));
      used.cancel();
      assertThat(socket.takeText()).contains("\"context_id\":\"used\"").contains("Hi");
      assertThat(socket.takeText()).isEqualTo("{\"context_id\":\"used\",\"cancel\":true}");
    }
  }

  @Test
  void aCancelRacingTheFirstSendNeverLeavesTheServerWithAContextItWasNotToldToCancel()
      throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    int contexts = 200;
    ExecutorService senders = Executors.newSingleThreadExecutor();
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      for (int i = 0; i < contexts; i++) {
        MultiplexedContext<TtsRequest, TtsMessage> context = session.context("race-" + i);
        CountDownLatch go = new CountDownLatch(1);
        Future<?> send = senders.submit(() -> {
          go.await();
          try {
            context.send(TtsRequest.Generate.of("Hi"));
          } catch (IllegalStateException cancelledFirst) {
            // the cancel won: nothing went out
          }
          return null;
        });
        go.countDown();
        context.cancel();
        send.get(5, TimeUnit.SECONDS);
      }
    } finally {
      senders.shutdownNow();
    }

    // Every context whose request reached the server was then cancelled on the server too.
    Map<String, List<String>> framesByContext = new HashMap<>();
    for (String text = socket.texts.poll(2, TimeUnit.SECONDS);
        text != null;
        text = socket.texts.poll(1, TimeUnit.SECONDS)) {
      String id = text.replaceAll(".*\"context_id\":\"(race-\\d+)\".*", "$1");
      framesByContext
          .computeIfAbsent(id, k -> new ArrayList<>())
          .add(text.contains("\"cancel\":true") ? "cancel" : "request");
    }
    framesByContext.forEach(
        (id, frames) -> assertThat(frames).as(id).containsExactly("request", "cancel"));
  }

  @Test
  void closingAContextsPublisherCancelsTheContext() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      MultiplexedContext<TtsRequest, TtsMessage> context = session.context("ctx-1");
      context.send(TtsRequest.Generate.of("A long text"));
      assertThat(socket.takeText()).contains("A long text");
      CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
      context.messages().subscribe(new Flow.Subscriber<TtsMessage>() {
        @Override
        public void onSubscribe(Flow.Subscription s) {
          subscription.complete(s);
        }

        @Override
        public void onNext(TtsMessage item) {}

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}
      });
      subscription.get(5, TimeUnit.SECONDS).cancel();
      assertThat(socket.takeText()).isEqualTo("{\"context_id\":\"ctx-1\",\"cancel\":true}");
      assertThat(context.isOpen()).isFalse();
    }
  }

  @Test
  void aDropEndsEveryOpenContextAfterItsMessagesInOrder() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    MultiplexedSession<TtsRequest, TtsMessage> session = connect();
    List<MultiplexedContext<TtsRequest, TtsMessage>> contexts = new ArrayList<>();
    for (int c = 0; c < 5; c++) contexts.add(session.context("ctx-" + c));
    CompletableFuture<SdkException> pushedEnd = new CompletableFuture<>();
    List<TtsMessage> pushed = new CopyOnWriteArrayList<>();
    contexts
        .get(4)
        .messages()
        .listen(pushed::add, pushedEnd::complete, () -> pushedEnd.complete(null));
    for (int i = 0; i < 3; i++) {
      for (int c = 0; c < 5; c++)
        socket.send(Frames.chunk("ctx-" + c, new byte[] {(byte) c, (byte) i}));
    }
    // Once the last context has its three, every frame before them has arrived too.
    awaitCondition(() -> pushed.size() == 3);
    sockets.dropAll();

    for (int c = 0; c < 4; c++) {
      List<TtsMessage> got = new ArrayList<>();
      Iterator<TtsMessage> messages = contexts.get(c).iterator();
      ConnectionClosedException end = shown(catchThrowable(
          ConnectionClosedException.class, () -> messages.forEachRemaining(got::add)));
      assertThat(end).hasMessageContaining("ctx-" + c).hasMessageContaining("did not finish");
      assertThat(got)
          .extracting(message -> ((TtsMessage.Chunk) message).data()[1])
          .containsExactly((byte) 0, (byte) 1, (byte) 2);
    }
    assertThat(shown(pushedEnd.get(5, TimeUnit.SECONDS)))
        .isInstanceOf(ConnectionClosedException.class);
    assertThat(pushed).hasSize(3);
    assertThatThrownBy(() -> session.unrouted().receive(WAIT))
        .isInstanceOf(ConnectionClosedException.class);
    assertThat(session.isOpen()).isFalse();
    assertThat(
            shown(catchThrowable(ConnectionClosedException.class, () -> session.context("late"))))
        .hasMessageContaining("has ended");
    assertThat(shown(catchThrowable(
            ConnectionClosedException.class,
            () -> contexts.get(0).send(TtsRequest.Generate.of("more")))))
        .hasMessageContaining("ctx-0");
    assertThat(contexts.get(0).isOpen()).isFalse();
    session.close();
    Threads.assertReleased(client.httpClient(), server.getPort());
  }

  @Test
  void aNormalCloseByTheServerStillFailsContextsThatDidNotFinish() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      MultiplexedContext<TtsRequest, TtsMessage> finished = session.context("ctx-done");
      MultiplexedContext<TtsRequest, TtsMessage> unfinished = session.context("ctx-open");
      socket.send(Frames.done("ctx-done"));
      socket.send(Frames.chunk("ctx-open", new byte[] {1}));
      socket.close(1000, "idle for too long");

      assertThat(finished.receive(WAIT)).get().isInstanceOf(TtsMessage.Done.class);
      assertThat(finished.receive(WAIT)).isEmpty();
      assertThat(unfinished.receive(WAIT)).get().isInstanceOf(TtsMessage.Chunk.class);
      ConnectionClosedException end =
          shown(catchThrowable(ConnectionClosedException.class, () -> unfinished.receive(WAIT)));
      assertThat(end).hasMessageContaining("code 1000").hasMessageContaining("idle for too long");
      assertThat(end.closeCode()).hasValue(1000);
      assertThat(session.unrouted().receive(WAIT))
          .as("the session itself ended normally")
          .isEmpty();
    }
  }

  @Test
  void aSlowConsumerOverflowsOnlyItsOwnContext() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session =
        connect(StreamSettings.defaults().withBufferCapacity(10))) {
      MultiplexedContext<TtsRequest, TtsMessage> slow = session.context("slow");
      MultiplexedContext<TtsRequest, TtsMessage> fast = session.context("fast");
      List<TtsMessage> fastGot = new ArrayList<>();
      for (int round = 0; round < 10; round++) {
        for (int i = 0; i < 5; i++) {
          socket.send(Frames.chunk("slow", new byte[] {(byte) round, (byte) i}));
          socket.send(Frames.chunk("fast", new byte[] {(byte) round, (byte) i}));
        }
        // The fast consumer keeps up; the slow one takes nothing.
        for (int i = 0; i < 5; i++) fastGot.add(fast.receive(WAIT).orElseThrow());
      }
      socket.send(Frames.done("slow"));
      socket.send(Frames.done("fast"));

      assertThat(fast.receive(WAIT)).get().isInstanceOf(TtsMessage.Done.class);
      assertThat(fast.receive(WAIT)).isEmpty();
      assertThat(fastGot).hasSize(50);
      awaitCondition(() -> session.contextIds().isEmpty());
      List<TtsMessage> got = new ArrayList<>();
      StreamOverflowException overflow = shown(catchThrowable(
          StreamOverflowException.class, () -> slow.iterator().forEachRemaining(got::add)));
      assertThat(got).hasSize(10);
      assertThat(overflow.capacity()).isEqualTo(10);
      assertThat(overflow).hasMessageContaining("context slow");
      assertThat(slow.messages().discarded()).isEqualTo(41); // 40 chunks and the done
    }
  }

  @Test
  void closingTheSessionEndsItsContextsAndLetsGoOfEveryThread() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    MultiplexedSession<TtsRequest, TtsMessage> session = connect();
    MultiplexedContext<TtsRequest, TtsMessage> context = session.context("ctx-1");
    CompletableFuture<SdkException> end = new CompletableFuture<>();
    context.messages().listen(message -> {}, end::complete, () -> end.complete(null));
    socket.send(Frames.chunk("ctx-1", new byte[] {1}));
    assertThat(Threads.callThreads(server.getPort()))
        .as("the reader thread, seen while open")
        .isEqualTo(1);

    session.close();

    assertThat(socket.clientCloseCode()).isEqualTo(1000);
    assertThat(shown(end.get(5, TimeUnit.SECONDS)))
        .isInstanceOf(ConnectionClosedException.class)
        .hasMessageContaining("closed by the caller");
    assertThat(session.isOpen()).isFalse();
    Threads.assertReleased(client.httpClient(), server.getPort());
  }

  @Test
  void closeIsBoundedWhenTheServerNeverAnswersTheCloseFrame() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueueDeaf(server);
    MultiplexedSession<TtsRequest, TtsMessage> session =
        connect(StreamSettings.defaults().withCloseTimeout(Duration.ofMillis(300)));
    socket.socket();
    long start = System.nanoTime();
    session.close();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    Threads.assertReleased(client.httpClient(), server.getPort());
    socket.close(1000, null); // lets the test server finish its side
  }

  @Test
  void theHandshakeCarriesTheKeyAndVersionButNothingShowsTheKey() throws Exception {
    LoopbackSocket.enqueue(server);
    try (MultiplexedSession<TtsRequest, TtsMessage> session = connect()) {
      MultiplexedContext<TtsRequest, TtsMessage> context = session.context("ctx-1");
      shown.add(context);
      shown.add(context.messages());
      shown.add(session.unrouted());
      assertThat(session.toString())
          .contains("ws://")
          .contains("api_key=[redacted]")
          .contains("cartesia_version=2024-11-13");
    }
    var handshake = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(handshake.getUrl().encodedPath()).isEqualTo("/tts/websocket");
    assertThat(handshake.getUrl().queryParameter("api_key")).isEqualTo(API_KEY);
    assertThat(handshake.getUrl().queryParameter("cartesia_version")).isEqualTo("2024-11-13");
  }

  private static <T extends Throwable> T catchThrowable(Class<T> type, Runnable action) {
    try {
      action.run();
    } catch (Throwable thrown) {
      assertThat(thrown).isInstanceOf(type);
      return type.cast(thrown);
    }
    throw new AssertionError("expected " + type.getSimpleName() + ", nothing was thrown");
  }

  private static void awaitCondition(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    for (int i = 0; i < 250 && !condition.getAsBoolean(); i++) Thread.sleep(20);
    assertThat(condition.getAsBoolean()).as("condition within 5 s").isTrue();
  }
}
