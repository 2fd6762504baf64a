package ai.cartesia.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.audio.CollectedSpeech;
import ai.cartesia.core.audio.WordTiming;
import ai.cartesia.core.errors.BadRequestException;
import ai.cartesia.core.errors.ConnectionClosedException;
import ai.cartesia.core.errors.PaymentRequiredException;
import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.errors.UnauthorizedException;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.ws.FrameDecoder;
import ai.cartesia.core.internal.ws.MultiplexedContext;
import ai.cartesia.core.internal.ws.MultiplexedSession;
import ai.cartesia.core.internal.ws.WebSocketChannel;
import ai.cartesia.core.ws.StreamSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake TTS WebSocket, driven through the SDK's multiplexed session. */
@Timeout(30)
class FakeTtsWebSocketTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final WebSocketChannel<ObjectNode, JsonNode> CHANNEL =
      WebSocketChannel.<ObjectNode, JsonNode>builder(
              "tts/websocket", FrameDecoder.json(Json.mapper(), JsonNode.class))
          .constantQuery("cartesia_version", "2024-11-13")
          .apiKeyQueryParameter("api_key")
          .build();

  private FakeCartesiaServer fake;

  @AfterEach
  void stop() {
    if (fake != null) fake.close();
  }

  private MultiplexedSession<ObjectNode, JsonNode> connect(String apiKey) {
    ClientContext client = ClientContext.create(
        ClientOptions.builder().baseUrl(fake.baseUrl()).apiKey(apiKey).build());
    return MultiplexedSession.connect(
        client, CHANNEL, new JsonTtsProtocol(), Map.of(), StreamSettings.defaults());
  }

  static ObjectNode generation(String transcript, boolean more) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("model_id", "sonic-2");
    request.put("transcript", transcript);
    request.putObject("voice").put("mode", "id").put("id", "a0e99841-438c-4a64-b679-ae501e7d6091");
    request
        .putObject("output_format")
        .put("container", "raw")
        .put("encoding", "pcm_s16le")
        .put("sample_rate", 16000);
    request.put("add_timestamps", true);
    request.put("continue", more);
    return request;
  }

  static final Function<JsonNode, byte[]> AUDIO =
      message -> message.path("type").asText().equals("chunk")
          ? Base64.getDecoder().decode(message.get("data").asText())
          : null;

  static final Function<JsonNode, List<WordTiming>> WORDS = message -> {
    JsonNode timestamps = message.path("word_timestamps");
    if (timestamps.isMissingNode()) return List.of();
    List<WordTiming> words = new ArrayList<>();
    for (int i = 0; i < timestamps.get("words").size(); i++) {
      words.add(new WordTiming(
          timestamps.get("words").get(i).asText(),
          timestamps.get("start").get(i).asDouble(),
          timestamps.get("end").get(i).asDouble()));
    }
    return words;
  };

  @Test
  void answersEachContextWithTheAudioOfItsTranscripts() {
    fake = FakeCartesiaServer.start();
    try (MultiplexedSession<ObjectNode, JsonNode> session = connect(fake.apiKey())) {
      List<MultiplexedContext<ObjectNode, JsonNode>> contexts = new ArrayList<>();
      for (int c = 0; c < 5; c++) {
        MultiplexedContext<ObjectNode, JsonNode> context = session.context("turn-" + c);
        context.send(generation("Hello number " + c + ", ", true));
        context.send(generation("goodbye.", false));
        contexts.add(context);
      }
      for (int c = 0; c < 5; c++) {
        CollectedSpeech speech = CollectedSpeech.collect(contexts.get(c).iterator(), AUDIO, WORDS);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(FakeAudio.speech("Hello number " + c + ", ", 3, 320));
        expected.writeBytes(FakeAudio.speech("goodbye.", 3, 320));
        assertThat(speech.audio()).isEqualTo(expected.toByteArray());
        assertThat(speech.words())
            .extracting(WordTiming::word)
            .containsExactly("Hello", "number", c + ",", "goodbye.");
      }
    }
  }

  @Test
  void acknowledgesFlushesInOrder() {
    fake = FakeCartesiaServer.start();
    try (MultiplexedSession<ObjectNode, JsonNode> session = connect(fake.apiKey())) {
      MultiplexedContext<ObjectNode, JsonNode> context = session.context("ctx-2");
      context.send(generation("One.", true).put("flush", true));
      context.send(generation("", true).put("flush", true));
      context.send(generation("", false));
      List<String> types = new ArrayList<>();
      List<Integer> flushIds = new ArrayList<>();
      context.iterator().forEachRemaining(message -> {
        types.add(message.get("type").asText());
        if (message.has("flush_id")) flushIds.add(message.get("flush_id").asInt());
      });
      assertThat(types)
          .containsExactly(
              "chunk", "chunk", "chunk", "timestamps", "flush_done", "flush_done", "done");
      assertThat(flushIds).containsExactly(1, 2);
    }
  }

  @Test
  void honoursCancel() throws Exception {
    fake = FakeCartesiaServer.builder()
        .chunksPerGeneration(20)
        .faults(Faults.none().delayEachFrame(Duration.ofMillis(30)))
        .start();
    try (MultiplexedSession<ObjectNode, JsonNode> session = connect(fake.apiKey())) {
      MultiplexedContext<ObjectNode, JsonNode> context = session.context("ctx-1");
      context.send(generation("A long text to read aloud.", false));
      assertThat(context.receive(WAIT)).isPresent();
      context.cancel();
      for (int i = 0; i < 250 && !session.contextIds().isEmpty(); i++) Thread.sleep(20);
      assertThat(session.contextIds())
          .as("the fake ended the context with done")
          .isEmpty();
      assertThat(context.messages().discarded()).isLessThan(15);
    }
  }

  @Test
  void refusesAWrongKeyWith401() {
    fake = FakeCartesiaServer.start();
    UnauthorizedException error =
        catchThrowableOfType(UnauthorizedException.class, () -> connect("sk_wrong"));
    assertThat(error.statusCode()).isEqualTo(401);
    assertThat(error).hasMessageContaining("Invalid API key").hasMessageNotContaining("sk_wrong");
  }

  @Test
  void refusesAMissingVersionWith400() {
    fake = FakeCartesiaServer.start();
    ClientContext client = ClientContext.create(
        ClientOptions.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build());
    WebSocketChannel<ObjectNode, JsonNode> noVersion =
        WebSocketChannel.<ObjectNode, JsonNode>builder(
                "tts/websocket", FrameDecoder.json(Json.mapper(), JsonNode.class))
            .apiKeyQueryParameter("api_key")
            .build();
    BadRequestException error = catchThrowableOfType(
        BadRequestException.class,
        () -> MultiplexedSession.connect(
            client, noVersion, new JsonTtsProtocol(), Map.of(), StreamSettings.defaults()));
    assertThat(error).hasMessageContaining("cartesia_version");
  }

  @Test
  void refusesHandshakesAsConfigured() {
    fake = FakeCartesiaServer.builder()
        .faults(Faults.none().refuseHandshakesWith(402))
        .start();
    PaymentRequiredException error =
        catchThrowableOfType(PaymentRequiredException.class, () -> connect(fake.apiKey()));
    assertThat(error).hasMessageContaining("out of credits");
  }

  @Test
  void answersInvalidRequestsAndMarkedTranscriptsWithAnError() {
    fake = FakeCartesiaServer.start();
    try (MultiplexedSession<ObjectNode, JsonNode> session = connect(fake.apiKey())) {
      MultiplexedContext<ObjectNode, JsonNode> invalid = session.context("invalid");
      ObjectNode request = generation("Hi", false);
      request.remove("model_id");
      invalid.send(request);
      MultiplexedContext<ObjectNode, JsonNode> marked = session.context("marked");
      marked.send(generation("please [error] here", false));

      assertThat(catchThrowableOfType(StreamErrorException.class, () -> invalid.receive(WAIT)))
          .hasMessageContaining("model_id is required");
      assertThat(catchThrowableOfType(StreamErrorException.class, () -> marked.receive(WAIT)))
          .hasMessageContaining("[error]");
    }
  }

  @Test
  void dropsTheConnectionAfterTheFramesItWasToldTo() {
    fake = FakeCartesiaServer.builder().faults(Faults.none().dropAfter(2)).start();
    try (MultiplexedSession<ObjectNode, JsonNode> session = connect(fake.apiKey())) {
      MultiplexedContext<ObjectNode, JsonNode> context = session.context("ctx-1");
      context.send(generation("Hello there.", false));
      List<JsonNode> got = new ArrayList<>();
      ConnectionClosedException error = catchThrowableOfType(
          ConnectionClosedException.class, () -> context.iterator().forEachRemaining(got::add));
      assertThat(got).hasSize(2);
      assertThat(error).hasMessageContaining("ctx-1");
    }
  }

  @Test
  void sendsAMalformedFrameForTheContextWhenToldTo() {
    fake = FakeCartesiaServer.builder()
        .faults(Faults.none().malformedFrameAfter(1))
        .start();
    try (MultiplexedSession<ObjectNode, JsonNode> session = connect(fake.apiKey())) {
      MultiplexedContext<ObjectNode, JsonNode> context = session.context("ctx-1");
      context.send(generation("Hello there.", false));
      assertThat(context.receive(WAIT)).isPresent();
      // The context goes on past the malformed frame, which is reported on its decode errors.
      while (context.receive(WAIT).isPresent()) {}
      assertThat(context.messages().decodeErrors())
          .singleElement()
          .satisfies(error -> assertThat(error).hasMessageContaining("frame 2"));
    }
  }

  @Test
  void closingTheFakeDropsOpenSessions() {
    fake = FakeCartesiaServer.builder()
        .faults(Faults.none().delayEachFrame(Duration.ofMillis(200)))
        .start();
    try (MultiplexedSession<ObjectNode, JsonNode> session = connect(fake.apiKey())) {
      MultiplexedContext<ObjectNode, JsonNode> context = session.context("ctx-1");
      context.send(generation("Hello there.", false));
      fake.close();
      assertThat(catchThrowableOfType(
              ConnectionClosedException.class,
              () -> context.iterator().forEachRemaining(message -> {})))
          .hasMessageContaining("ctx-1");
    }
  }

  @Test
  void sendsAnUnknownTypeWhenToldTo() {
    fake =
        FakeCartesiaServer.builder().faults(Faults.none().unknownTypeAfter(1)).start();
    try (MultiplexedSession<ObjectNode, JsonNode> session = connect(fake.apiKey())) {
      MultiplexedContext<ObjectNode, JsonNode> context = session.context("ctx-1");
      context.send(generation("Hello there.", false));
      List<String> types = new ArrayList<>();
      context
          .iterator()
          .forEachRemaining(message -> types.add(message.get("type").asText()));
      assertThat(types)
          .containsExactly("chunk", "fake_unknown_type", "chunk", "chunk", "timestamps", "done");
    }
  }
}
