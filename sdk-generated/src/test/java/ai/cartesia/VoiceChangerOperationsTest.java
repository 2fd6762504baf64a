package ai.cartesia;

import static ai.cartesia.WireSupport.VOICE_ID;
import static ai.cartesia.WireSupport.assertFilePart;
import static ai.cartesia.WireSupport.authenticated;
import static ai.cartesia.WireSupport.bytes;
import static ai.cartesia.WireSupport.client;
import static ai.cartesia.WireSupport.onlyRequest;
import static ai.cartesia.WireSupport.partNames;
import static ai.cartesia.WireSupport.text;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.http.BinaryResponse;
import ai.cartesia.core.http.FileUpload;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.sse.EventStream;
import ai.cartesia.model.OutputFormatContainer;
import ai.cartesia.model.RawEncoding;
import ai.cartesia.model.StreamingResponse;
import ai.cartesia.model.VoiceChangerBytesRequest;
import ai.cartesia.model.VoiceChangerSseRequest;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketDoneResponse;
import ai.cartesia.model.WebSocketErrorResponse;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /voice-changer/bytes} and {@code POST /voice-changer/sse}: multipart in, audio or a stream out. */
@Timeout(30)
class VoiceChangerOperationsTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  /** Fact sheet 11.4: JSON lines, as the 2.0.6 SDK reads them. */
  private static final String NDJSON = """
      {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":20.5}
      {"type":"done","done":true,"status_code":200}
      """;

  /** Fact sheet 11.4: Server-Sent Events without {@code type}, as the current SDK models them. */
  private static final String SSE_WITHOUT_TYPE = """
      data: {"data":"AAAAAAAAAAA=","done":false,"sample_rate":44100,"status_code":206,"step_time":20.5}

      data: {"done":true,"status_code":200}

      """;

  /** Server-Sent Events that carry the 2.0.6 messages, with {@code type}. */
  private static final String SSE_WITH_TYPE = """
      event: chunk
      data: {"type":"chunk","data":"AAECAwQFBgc=","done":false,"status_code":206,"step_time":20.5}

      data: {"type":"error","done":true,"status_code":400,"error":"Unsupported audio format"}

      """;

  private static VoiceChangerSseRequest sseRequest(FileUpload clip) {
    return VoiceChangerSseRequest.builder()
        .clip(clip)
        .voiceId(VOICE_ID)
        .outputFormatContainer(OutputFormatContainer.RAW)
        .outputFormatSampleRate(44100)
        .outputFormatEncoding(RawEncoding.PCM_F32LE)
        .build();
  }

  private List<StreamingResponse> streamOf(String body) {
    server.stubFor(post("/voice-changer/sse")
        .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
    List<StreamingResponse> events = new ArrayList<>();
    try (EventStream<StreamingResponse> stream = client(server)
        .voiceChanger()
        .sse(sseRequest(FileUpload.of(new byte[] {1, 2}, "clip.wav")))) {
      stream.forEachRemaining(events::add);
    }
    return events;
  }

  @Test
  void bytesSendsTheFormAndStreamsTheAudio() throws Exception {
    byte[] clip = bytes(40_000, 31);
    byte[] audio = bytes(60_000, 32);
    Path clipFile = dir.resolve("source.wav");
    Files.write(clipFile, clip);
    server.stubFor(post("/voice-changer/bytes")
        .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(audio)));

    byte[] received;
    try (BinaryResponse response = client(server)
        .voiceChanger()
        .bytes(VoiceChangerBytesRequest.builder()
            .clip(FileUpload.of(clipFile))
            .voiceId(VOICE_ID)
            .outputFormatContainer(OutputFormatContainer.MP3)
            .outputFormatSampleRate(44100)
            .outputFormatBitRate(128000L)
            .build())) {
      received = response.readAllBytes();
    }

    assertThat(received).isEqualTo(audio);
    server.verify(1, authenticated(postRequestedFor(urlEqualTo("/voice-changer/bytes"))));
    LoggedRequest request = onlyRequest(server);
    assertThat(partNames(request))
        .containsExactlyInAnyOrder(
            "clip",
            "voice[id]",
            "output_format[container]",
            "output_format[sample_rate]",
            "output_format[bit_rate]");
    assertFilePart(request, "clip", "source.wav", clip);
    assertThat(text(request, "voice[id]")).isEqualTo(VOICE_ID);
    assertThat(text(request, "output_format[container]")).isEqualTo("mp3");
    assertThat(text(request, "output_format[sample_rate]")).isEqualTo("44100");
    assertThat(text(request, "output_format[bit_rate]")).isEqualTo("128000");
  }

  @Test
  void bytesWritesTheAudioToAFileFromAStreamedClip() throws Exception {
    byte[] clip = bytes(10_000, 33);
    byte[] audio = bytes(70_000, 34);
    server.stubFor(post("/voice-changer/bytes").willReturn(aResponse().withBody(audio)));
    Path out = dir.resolve("changed.raw");

    client(server)
        .voiceChanger()
        .bytes(VoiceChangerBytesRequest.builder()
            .clip(FileUpload.of(new ByteArrayInputStream(clip), "mic.raw"))
            .voiceId(VOICE_ID)
            .outputFormatContainer(OutputFormatContainer.RAW)
            .outputFormatSampleRate(16000)
            .outputFormatEncoding(RawEncoding.PCM_S16LE)
            .build())
        .writeTo(out);

    assertThat(Files.readAllBytes(out)).isEqualTo(audio);
    LoggedRequest request = onlyRequest(server);
    assertFilePart(request, "clip", "mic.raw", clip);
    assertThat(text(request, "output_format[encoding]")).isEqualTo("pcm_s16le");
    assertThat(partNames(request)).doesNotContain("output_format[bit_rate]");
  }

  @Test
  void sseSendsTheFormOfTheBytesEndpoint() {
    streamOf(NDJSON);

    server.verify(1, authenticated(postRequestedFor(urlEqualTo("/voice-changer/sse"))));
    LoggedRequest request = onlyRequest(server);
    assertThat(partNames(request))
        .containsExactlyInAnyOrder(
            "clip",
            "voice[id]",
            "output_format[container]",
            "output_format[sample_rate]",
            "output_format[encoding]");
    assertFilePart(request, "clip", "clip.wav", new byte[] {1, 2});
    assertThat(text(request, "output_format[container]")).isEqualTo("raw");
    assertThat(text(request, "output_format[encoding]")).isEqualTo("pcm_f32le");
  }

  @Test
  void sseReadsJsonLines() {
    List<StreamingResponse> events = streamOf(NDJSON);

    assertThat(events).hasSize(2);
    WebSocketChunkResponse chunk = (WebSocketChunkResponse) events.get(0);
    assertThat(chunk.data()).isEqualTo(new byte[8]);
    assertThat(chunk.stepTime()).isEqualTo(20.5);
    assertThat(chunk.statusCode()).isEqualTo(206);
    assertThat(events.get(1)).isInstanceOf(WebSocketDoneResponse.class);
    assertThat(((WebSocketDoneResponse) events.get(1)).statusCode()).isEqualTo(200);
  }

  @Test
  void sseReadsServerSentEventsWithTypesAndEndsOnTheErrorEvent() {
    server.stubFor(post("/voice-changer/sse")
        .willReturn(
            aResponse().withHeader("Content-Type", "text/event-stream").withBody(SSE_WITH_TYPE)));
    List<StreamingResponse> events = new ArrayList<>();
    StreamErrorException failure;
    try (EventStream<StreamingResponse> stream = client(server)
        .voiceChanger()
        .sse(sseRequest(FileUpload.of(new byte[] {1, 2}, "clip.wav")))) {
      failure = catchThrowableOfType(
          StreamErrorException.class, () -> stream.forEachRemaining(events::add));
    }

    assertThat(events)
        .singleElement()
        .satisfies(chunk -> assertThat(((WebSocketChunkResponse) chunk).data())
            .isEqualTo(new byte[] {0, 1, 2, 3, 4, 5, 6, 7}));
    assertThat(failure).hasMessageContaining("Unsupported audio format");
    assertThat(failure.statusCode()).hasValue(400);
    WebSocketErrorResponse error =
        failure.serverMessage(WebSocketErrorResponse.class).orElseThrow();
    assertThat(error.done()).isTrue();
    assertThat(Json.mapper().valueToTree(error).get("error").asText())
        .isEqualTo("Unsupported audio format");
  }

  @Test
  void sseWithoutTypesKeepsEveryMessage() {
    List<StreamingResponse> events = streamOf(SSE_WITHOUT_TYPE);

    // Nothing is dropped and nothing fails: without a type, each message is kept whole.
    assertThat(events).hasSize(2);
    assertThat(Json.mapper().valueToTree(events.get(0)).get("sample_rate").asInt())
        .isEqualTo(44100);
    assertThat(Json.mapper().valueToTree(events.get(1)).get("done").asBoolean()).isTrue();
  }

  /** The spec's StreamingResponse says such messages may be classified by {@code done} and {@code data}. */
  @Test
  void sseWithoutTypesIsClassifiedByDoneAndData() {
    List<StreamingResponse> events = streamOf(SSE_WITHOUT_TYPE);

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(WebSocketChunkResponse.class);
    assertThat(((WebSocketChunkResponse) events.get(0)).data()).isEqualTo(new byte[8]);
    assertThat(events.get(1)).isInstanceOf(WebSocketDoneResponse.class);
  }
}
