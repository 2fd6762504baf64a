package ai.cartesia;

import static ai.cartesia.WireSupport.assertFilePart;
import static ai.cartesia.WireSupport.authenticated;
import static ai.cartesia.WireSupport.bytes;
import static ai.cartesia.WireSupport.client;
import static ai.cartesia.WireSupport.onlyRequest;
import static ai.cartesia.WireSupport.partNames;
import static ai.cartesia.WireSupport.text;
import static ai.cartesia.WireSupport.texts;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.http.FileUpload;
import ai.cartesia.model.SttEncoding;
import ai.cartesia.model.SttTranscribeRequest;
import ai.cartesia.model.TimestampGranularity;
import ai.cartesia.model.TranscriptionResponse;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /stt}: batch transcription, a multipart upload with query parameters. */
@Timeout(30)
class SttOperationsTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TRANSCRIPT = """
      {"text":"Hello, this is a test transcription.","language":"en","duration":2.5,
       "words":[{"word":"Hello,","start":0.0,"end":0.25},{"word":"this","start":0.3,"end":0.5,"confidence":0.9}],
       "request_id":"r-1"}
      """;

  @TempDir
  Path dir;

  private void stubTranscript() {
    server.stubFor(post(urlPathEqualTo("/stt"))
        .willReturn(
            aResponse().withHeader("Content-Type", "application/json").withBody(TRANSCRIPT)));
  }

  private static SttTranscribeRequest.Builder request(FileUpload file) {
    return SttTranscribeRequest.builder()
        .file(file)
        .model("ink-whisper")
        .language("en")
        .encoding(SttEncoding.PCM_S16LE)
        .sampleRate(16000L)
        .timestampGranularities(List.of(TimestampGranularity.WORD));
  }

  private static void assertTranscript(TranscriptionResponse response) {
    assertThat(response.text()).isEqualTo("Hello, this is a test transcription.");
    assertThat(response.language()).contains("en");
    assertThat(response.duration()).contains(2.5);
    assertThat(response.words()).isPresent();
    assertThat(response.words().get()).hasSize(2);
    assertThat(response.words().get().get(0).word()).isEqualTo("Hello,");
    assertThat(response.words().get().get(0).start()).isEqualTo(0.0);
    assertThat(response.words().get().get(0).end()).isEqualTo(0.25);
    assertThat(response.words().get().get(1).word()).isEqualTo("this");
    assertThat(response.words().get().get(1).additionalProperties()).containsOnlyKeys("confidence");
    assertThat(response.additionalProperties()).containsOnlyKeys("request_id");
  }

  private static void assertForm(LoggedRequest request, String filename, byte[] audio) {
    assertThat(request.getUrl()).isEqualTo("/stt?encoding=pcm_s16le&sample_rate=16000");
    assertThat(partNames(request))
        .containsExactlyInAnyOrder("file", "model", "language", "timestamp_granularities[]");
    assertFilePart(request, "file", filename, audio);
    assertThat(text(request, "model")).isEqualTo("ink-whisper");
    assertThat(text(request, "language")).isEqualTo("en");
    assertThat(texts(request, "timestamp_granularities[]")).containsExactly("word");
  }

  @Test
  void transcribeUploadsAFileFromAPath() throws Exception {
    byte[] audio = bytes(100_000, 11);
    Path file = dir.resolve("speech.wav");
    Files.write(file, audio);
    stubTranscript();

    TranscriptionResponse response =
        client(server).stt().transcribe(request(FileUpload.of(file)).build());

    assertTranscript(response);
    server.verify(
        1,
        authenticated(postRequestedFor(urlPathEqualTo("/stt")))
            .withQueryParam("encoding", equalTo("pcm_s16le"))
            .withQueryParam("sample_rate", equalTo("16000")));
    assertForm(onlyRequest(server), "speech.wav", audio);
  }

  @Test
  void transcribeUploadsBytes() {
    byte[] audio = bytes(5_000, 12);
    stubTranscript();

    assertTranscript(client(server)
        .stt()
        .transcribe(request(FileUpload.of(audio, "clip.raw")).build()));

    assertForm(onlyRequest(server), "clip.raw", audio);
  }

  @Test
  void transcribeUploadsAnInputStreamAndClosesIt() {
    byte[] audio = bytes(300_000, 13);
    AtomicBoolean closed = new AtomicBoolean();
    InputStream stream = new ByteArrayInputStream(audio) {
      @Override
      public void close() throws IOException {
        closed.set(true);
        super.close();
      }
    };
    stubTranscript();

    assertTranscript(client(server)
        .stt()
        .transcribe(request(FileUpload.of(stream, "live.pcm")).build()));

    assertForm(onlyRequest(server), "live.pcm", audio);
    assertThat(closed).isTrue();
  }

  @Test
  void leftOutOptionalParametersAreNotSent() {
    server.stubFor(post(urlPathEqualTo("/stt"))
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"text\":\"\"}")));

    TranscriptionResponse response = client(server)
        .stt()
        .transcribe(SttTranscribeRequest.builder()
            .file(FileUpload.of(new byte[] {1, 2, 3}, "a.mp3"))
            .model("ink-whisper")
            .build());

    assertThat(response.text()).isEmpty();
    assertThat(response.language()).isEmpty();
    assertThat(response.duration()).isEmpty();
    assertThat(response.words()).isEmpty();
    LoggedRequest request = onlyRequest(server);
    assertThat(request.getUrl()).isEqualTo("/stt");
    assertThat(partNames(request)).containsExactlyInAnyOrder("file", "model");
  }

  @Test
  void transcribeAsyncDecodesTheTranscript() throws Exception {
    stubTranscript();

    TranscriptionResponse response = client(server)
        .stt()
        .transcribeAsync(request(FileUpload.of(new byte[] {9, 8, 7}, "a.wav")).build())
        .get(10, java.util.concurrent.TimeUnit.SECONDS);

    assertTranscript(response);
    assertForm(onlyRequest(server), "a.wav", new byte[] {9, 8, 7});
  }
}
