package ai.cartesia.core.internal.ws;

import static ai.cartesia.core.testing.Secrets.API_KEY;
import static ai.cartesia.core.testing.Secrets.assertNoKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.errors.ConnectionClosedException;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamDecodeException;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.testing.DroppableSockets;
import ai.cartesia.core.testing.LoopbackSocket;
import ai.cartesia.core.testing.SttMessage;
import ai.cartesia.core.testing.Threads;
import ai.cartesia.core.ws.*;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An STT-like plain session: audio up, typed transcripts down, every way it can end. */
@Timeout(30)
class WebSocketSessionTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String TRANSCRIPT =
      "{\"type\":\"transcript\",\"request_id\":\"r1\",\"text\":\"How are you\",\"is_final\":%s,"
          + "\"words\":[{\"word\":\"How\",\"start\":0.0,\"end\":0.12}]}";

  private final MockWebServer server = new MockWebServer();
  private final DroppableSockets sockets = new DroppableSockets();
  private final List<Object> shown = new ArrayList<>();
  private ClientContext client;
  private WebSocketChannel<Object, SttMessage> channel;

  @BeforeEach
  void start() throws Exception {
    server.setServerSocketFactory(sockets);
    server.start();
    client = ClientContext.create(ClientOptions.builder()
        .baseUrl(server.url("/").toString())
        .apiKey(API_KEY)
        .build());
    channel = WebSocketChannel.<Object, SttMessage>builder(
            "stt/websocket", FrameDecoder.json(Json.mapper(), SttMessage.class))
        .apiKeyQueryParameter("api_key")
        .lastMessage(message -> message instanceof SttMessage.Done)
        .build();
  }

  @AfterEach
  void stop() {
    assertNoKey(shown.toArray());
    sockets.dropAll();
    server.close();
  }

  private WebSocketSession<Object, SttMessage> connect(
      WebSocketChannel<Object, SttMessage> channel) {
    WebSocketSession<Object, SttMessage> session = WebSocketSession.connect(
        client,
        channel,
        Map.of("model", "ink-whisper", "encoding", "pcm_s16le", "sample_rate", "16000"),
        StreamSettings.defaults());
    shown.add(session);
    return session;
  }

  /** Answers like the STT endpoint: a transcript per 5 chunks, flush_done on finalize, done then close on done. */
  private LoopbackSocket sttServer() {
    return LoopbackSocket.enqueue(server, (socket, text) -> {
      try {
        if (text.equals("finalize")) {
          socket.send(String.format(TRANSCRIPT, true));
          socket.send("{\"type\":\"flush_done\",\"request_id\":\"r1\"}");
        } else if (text.equals("done")) {
          socket.send("{\"type\":\"done\",\"request_id\":\"r1\"}");
          socket.close(1000, null);
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void streamsAudioInChunksThenTheCommandsAndEndsWhenTheServerClosesAfterDone() throws Exception {
    LoopbackSocket socket = sttServer();
    byte[] audio = new byte[3_300];
    new Random(7).nextBytes(audio);

    try (WebSocketSession<Object, SttMessage> session = connect(channel)) {
      int chunk = AudioUpload.chunkBytes(16_000, 2, 1, Duration.ofMillis(20));
      long sent = AudioUpload.send(
          session,
          new ByteArrayInputStream(audio),
          chunk,
          Duration.ZERO,
          List.of("finalize", "done"));

      List<SttMessage> messages = new ArrayList<>();
      session.messages().iterator().forEachRemaining(messages::add);

      assertThat(chunk).isEqualTo(640);
      assertThat(sent).isEqualTo(audio.length);
      assertThat(messages).hasSize(3);
      assertThat(messages.get(0)).isInstanceOf(SttMessage.Transcript.class);
      assertThat(((SttMessage.Transcript) messages.get(0)).words())
          .containsExactly(new SttMessage.Word("How", 0.0, 0.12));
      assertThat(messages.get(1)).isInstanceOf(SttMessage.FlushDone.class);
      assertThat(messages.get(2)).isInstanceOf(SttMessage.Done.class);
    }
    List<ByteString> frames = new ArrayList<>(socket.binaries);
    assertThat(frames).extracting(ByteString::size).containsExactly(640, 640, 640, 640, 640, 100);
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (ByteString frame : frames) joined.write(frame.toByteArray());
    assertThat(joined.toByteArray()).isEqualTo(audio);
    assertThat(socket.texts).containsExactly("finalize", "done");
    var handshake = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(handshake.getUrl().queryParameter("sample_rate")).isEqualTo("16000");
    assertThat(handshake.getUrl().queryParameter("api_key")).isEqualTo(API_KEY);
  }

  @Test
  void sendsAFileInRealTimeChunks(@TempDir Path directory) throws Exception {
    sttServer();
    Path file = directory.resolve("speech.raw");
    Files.write(file, new byte[640 * 5]);
    try (WebSocketSession<Object, SttMessage> session = connect(channel)) {
      long start = System.nanoTime();
      AudioUpload.send(session, file, 640, Duration.ofMillis(20), List.of("done"));
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(80));
      assertThat(session.receive(WAIT)).get().isInstanceOf(SttMessage.Done.class);
      assertThat(session.receive(WAIT)).isEmpty();
    }
  }

  @Test
  void deliversToCallbacksAndEndsThem() throws Exception {
    sttServer();
    try (WebSocketSession<Object, SttMessage> session = connect(channel)) {
      List<SttMessage> got = new CopyOnWriteArrayList<>();
      CompletableFuture<SdkException> end = new CompletableFuture<>();
      session.messages().listen(got::add, end::complete, () -> end.complete(null));
      session.sendBinary(new byte[640]);
      session.sendText("finalize");
      session.sendText("done");

      assertThat(end.get(5, TimeUnit.SECONDS)).isNull();
      assertThat(got)
          .extracting(message -> message.getClass().getSimpleName())
          .containsExactly("Transcript", "FlushDone", "Done");
    }
  }

  @Test
  void aNormalCloseBeforeTheLastMessageIsAnError() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (WebSocketSession<Object, SttMessage> session = connect(channel)) {
      socket.send(String.format(TRANSCRIPT, false));
      socket.send("{\"type\":\"error\",\"message\":\"Idle timeout\"}");
      socket.close(1000, "idle");

      assertThat(session.receive(WAIT)).get().isInstanceOf(SttMessage.Transcript.class);
      assertThat(session.receive(WAIT)).get().isEqualTo(new SttMessage.Error(null, "Idle timeout"));
      ConnectionClosedException end =
          shown(ConnectionClosedException.class, () -> session.receive(WAIT));
      assertThat(end)
          .hasMessageContaining("code 1000")
          .hasMessageContaining("before its last message");
    }
  }

  @Test
  void withoutALastMessageANormalCloseEndsNormallyAndOtherCodesFail() throws Exception {
    WebSocketChannel<Object, SttMessage> plain = WebSocketChannel.<Object, SttMessage>builder(
            "stt/websocket", FrameDecoder.json(Json.mapper(), SttMessage.class))
        .build();
    LoopbackSocket first = LoopbackSocket.enqueue(server);
    try (WebSocketSession<Object, SttMessage> session = connect(plain)) {
      first.send("{\"type\":\"flush_done\",\"request_id\":\"r\"}");
      first.close(1000, null);
      assertThat(session.receive(WAIT)).isPresent();
      assertThat(session.receive(WAIT)).isEmpty();
    }
    LoopbackSocket second = LoopbackSocket.enqueue(server);
    try (WebSocketSession<Object, SttMessage> session = connect(plain)) {
      second.close(1011, "internal error");
      ConnectionClosedException end =
          shown(ConnectionClosedException.class, () -> session.receive(WAIT));
      assertThat(end.closeCode()).hasValue(1011);
      assertThat(end).hasMessageContaining("internal error");
    }
  }

  @Test
  void aDropEndsTheMessagesAfterThoseReceived() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    WebSocketSession<Object, SttMessage> session = connect(channel);
    CompletableFuture<SdkException> end = new CompletableFuture<>();
    List<SttMessage> got = new CopyOnWriteArrayList<>();
    session.messages().listen(got::add, end::complete, () -> end.complete(null));
    for (int i = 0; i < 3; i++) socket.send(String.format(TRANSCRIPT, false));
    for (int i = 0; i < 250 && got.size() < 3; i++) Thread.sleep(20);
    sockets.dropAll();

    assertThat(shown(end.get(5, TimeUnit.SECONDS)))
        .isInstanceOf(ConnectionClosedException.class)
        .hasMessageContaining("dropped");
    assertThat(got).hasSize(3);
    assertThatThrownBy(() -> session.sendBinary(new byte[10]))
        .isInstanceOf(ConnectionClosedException.class);
    session.close();
    Threads.assertReleased(client.httpClient(), server.getPort());
  }

  @Test
  void aMalformedFrameIsReportedAndTheMessagesGoOn() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (WebSocketSession<Object, SttMessage> session = connect(channel)) {
      socket.send(String.format(TRANSCRIPT, false));
      socket.send("{\"type\":\"transcript\",\"is_final\":\"perhaps\" " + API_KEY);
      socket.send(String.format(TRANSCRIPT, true));

      assertThat(session.receive(WAIT)).isPresent();
      assertThat(session.receive(WAIT))
          .as("the transcript after the broken frame")
          .isPresent();
      StreamDecodeException error = session.messages().decodeErrors().get(0);
      assertThat(error).hasMessageContaining("frame 2").hasMessageContaining("stt/websocket");
      assertThat(error.excerpt()).contains("perhaps").contains("[redacted]");
      assertThat(error.getMessage()).doesNotContain(API_KEY);
    }
  }

  @Test
  void unknownMessageTypesArriveAsUnknown() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    try (WebSocketSession<Object, SttMessage> session = connect(channel)) {
      socket.send("{\"type\":\"speech_started\",\"at\":0.5}");
      assertThat(session.receive(WAIT)).get().isEqualTo(new SttMessage.Unknown("speech_started"));
    }
  }

  @Test
  void closingFreesTheSocketAndItsThreadsAndLaterSendsFail() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    WebSocketSession<Object, SttMessage> session = connect(channel);
    session.messages().listen(message -> {}, error -> {}, () -> {});
    session.close();
    assertThat(socket.clientCloseCode()).isEqualTo(1000);
    Threads.assertReleased(client.httpClient(), server.getPort());
    ConnectionClosedException error =
        shown(ConnectionClosedException.class, () -> session.sendText("done"));
    assertThat(error).hasMessageContaining("closed");
  }

  @Test
  void closingTheMessageStreamClosesTheSession() throws Exception {
    LoopbackSocket socket = LoopbackSocket.enqueue(server);
    WebSocketSession<Object, SttMessage> session = connect(channel);
    session.messages().stream().limit(0).collect(Collectors.toList());
    session.messages().close();
    assertThat(socket.clientCloseCode()).isEqualTo(1000);
    Threads.assertReleased(client.httpClient(), server.getPort());
  }

  private <T extends Throwable> T shown(T error) {
    shown.add(error);
    return error;
  }

  private <T extends Throwable> T shown(Class<T> type, Runnable action) {
    try {
      action.run();
    } catch (Throwable thrown) {
      assertThat(thrown).isInstanceOf(type);
      return shown(type.cast(thrown));
    }
    throw new AssertionError("expected " + type.getSimpleName() + ", nothing was thrown");
  }
}
