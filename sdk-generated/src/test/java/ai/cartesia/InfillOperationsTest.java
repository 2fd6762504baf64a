package ai.cartesia;

import static ai.cartesia.WireSupport.assertFilePart;
import static ai.cartesia.WireSupport.authenticated;
import static ai.cartesia.WireSupport.bytes;
import static ai.cartesia.WireSupport.client;
import static ai.cartesia.WireSupport.onlyRequest;
import static ai.cartesia.WireSupport.partNames;
import static ai.cartesia.WireSupport.text;
import static ai.cartesia.WireSupport.texts;
import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.http.BinaryResponse;
import ai.cartesia.core.http.FileUpload;
import ai.cartesia.model.Emotion;
import ai.cartesia.model.InfillBytesRequest;
import ai.cartesia.model.NaturalSpecifier;
import ai.cartesia.model.OutputFormatContainer;
import ai.cartesia.model.RawEncoding;
import ai.cartesia.model.Speed;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /infill/bytes}: a multipart form in, audio bytes out. */
@Timeout(30)
class InfillOperationsTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  private static InfillBytesRequest.Builder request() {
    return InfillBytesRequest.builder()
        .modelId("sonic-2")
        .language("en")
        .transcript("and then")
        .voiceId(WireSupport.VOICE_ID)
        .outputFormatContainer(OutputFormatContainer.WAV)
        .outputFormatSampleRate(44100)
        .outputFormatEncoding(RawEncoding.PCM_S16LE);
  }

  @Test
  void bytesSendsEveryFormFieldAndStreamsTheAudioBack() throws Exception {
    byte[] audio = bytes(20_000, 1);
    byte[] left = bytes(3_000, 2);
    byte[] right = bytes(4_000, 3);
    Path leftFile = dir.resolve("left.wav");
    Files.write(leftFile, left);
    server.stubFor(post("/infill/bytes")
        .willReturn(aResponse().withHeader("Content-Type", "audio/wav").withBody(audio)));

    byte[] received;
    try (BinaryResponse response = client(server)
            .infill()
            .bytes(request()
                .leftAudio(FileUpload.of(leftFile))
                .rightAudio(FileUpload.of(right, "right.wav"))
                .voiceExperimentalControlsEmotion(
                    List.of(Emotion.POSITIVITY_HIGH, Emotion.CURIOSITY))
                .build());
        InputStream body = response.stream()) {
      assertThat(response.contentType()).contains("audio/wav");
      received = body.readAllBytes();
    }

    assertThat(received).isEqualTo(audio);
    server.verify(
        1,
        authenticated(postRequestedFor(urlEqualTo("/infill/bytes")))
            .withAnyRequestBodyPart(aMultipart()
                .withName("left_audio")
                .withHeader("Content-Disposition", containing("filename=\"left.wav\""))
                .withBody(binaryEqualTo(left)))
            .withAnyRequestBodyPart(
                aMultipart().withName("model_id").withBody(equalTo("sonic-2"))));
    LoggedRequest request = onlyRequest(server);
    assertThat(partNames(request))
        .containsExactlyInAnyOrder(
            "left_audio",
            "right_audio",
            "model_id",
            "language",
            "transcript",
            "voice_id",
            "output_format[container]",
            "output_format[sample_rate]",
            "output_format[encoding]",
            "voice[__experimental_controls][emotion][]",
            "voice[__experimental_controls][emotion][]");
    assertFilePart(request, "left_audio", "left.wav", left);
    assertFilePart(request, "right_audio", "right.wav", right);
    assertThat(text(request, "model_id")).isEqualTo("sonic-2");
    assertThat(text(request, "language")).isEqualTo("en");
    assertThat(text(request, "transcript")).isEqualTo("and then");
    assertThat(text(request, "voice_id")).isEqualTo(WireSupport.VOICE_ID);
    assertThat(text(request, "output_format[container]")).isEqualTo("wav");
    assertThat(text(request, "output_format[sample_rate]")).isEqualTo("44100");
    assertThat(text(request, "output_format[encoding]")).isEqualTo("pcm_s16le");
    assertThat(texts(request, "voice[__experimental_controls][emotion][]"))
        .containsExactly("positivity:high", "curiosity");
  }

  @Test
  void onlyOneClipAndMp3WriteTheAudioToAFile() throws Exception {
    byte[] audio = bytes(50_000, 4);
    byte[] right = bytes(1_000, 5);
    server.stubFor(post("/infill/bytes").willReturn(aResponse().withBody(audio)));

    Path out = dir.resolve("infill.mp3");
    long written = client(server)
        .infill()
        .bytes(InfillBytesRequest.builder()
            .modelId("sonic-2")
            .language("en")
            .transcript("x")
            .voiceId(WireSupport.VOICE_ID)
            .outputFormatContainer(OutputFormatContainer.MP3)
            .outputFormatSampleRate(44100)
            .outputFormatBitRate(128000L)
            .rightAudio(FileUpload.of(right, "right.mp3"))
            .build())
        .writeTo(out);

    assertThat(written).isEqualTo(audio.length);
    assertThat(Files.readAllBytes(out)).isEqualTo(audio);
    LoggedRequest request = onlyRequest(server);
    assertThat(partNames(request))
        .containsExactlyInAnyOrder(
            "right_audio",
            "model_id",
            "language",
            "transcript",
            "voice_id",
            "output_format[container]",
            "output_format[sample_rate]",
            "output_format[bit_rate]");
    assertThat(text(request, "output_format[container]")).isEqualTo("mp3");
    assertThat(text(request, "output_format[bit_rate]")).isEqualTo("128000");
  }

  /**
   * The speed control is a union of a number and a word; a form field must carry its wire value
   * ({@code slow}, {@code 0.5}), as the JSON body of a TTS request does.
   */
  @Test
  void experimentalSpeedIsSentAsItsWireValue() {
    server.stubFor(post("/infill/bytes").willReturn(aResponse().withBody(new byte[] {1})));
    Cartesia client = client(server);

    client
        .infill()
        .bytes(request()
            .leftAudio(FileUpload.of(new byte[] {1}, "l.wav"))
            .voiceExperimentalControlsSpeed(Speed.of(NaturalSpecifier.SLOW))
            .build())
        .readAllBytes();
    client
        .infill()
        .bytes(request()
            .leftAudio(FileUpload.of(new byte[] {1}, "l.wav"))
            .voiceExperimentalControlsSpeed(Speed.of(-0.5))
            .build())
        .readAllBytes();

    List<LoggedRequest> requests = WireSupport.requests(server);
    assertThat(text(requests.get(0), "voice[__experimental_controls][speed]")).isEqualTo("slow");
    assertThat(text(requests.get(1), "voice[__experimental_controls][speed]")).isEqualTo("-0.5");
  }
}
