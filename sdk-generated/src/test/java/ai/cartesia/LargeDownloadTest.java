package ai.cartesia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 64 MB audio download by a JVM with a 32 MB heap: it can only succeed if the SDK streams the
 * body to the file instead of holding it in memory.
 */
@Timeout(120)
class LargeDownloadTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final int SIZE = 64 * 1024 * 1024;

  @TempDir
  Path dir;

  private static long stubLargeBody() {
    byte[] audio = new byte[SIZE];
    new Random(20241113L).nextBytes(audio);
    CRC32 expected = new CRC32();
    expected.update(audio);
    server.stubFor(post("/tts/bytes")
        .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(audio)));
    return expected.getValue();
  }

  @Test
  void a64MegabyteBodyIsStreamedToTheFileByA32MegabyteHeap() throws Exception {
    long expected = stubLargeBody();
    Path file = dir.resolve("long.mp3");

    ChildJvm.Result result = ChildJvm.run(
        LargeDownloadMain.class,
        List.of("-Xmx32m", "-XX:+UseSerialGC"),
        env -> {},
        server.baseUrl(),
        file.toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("written: " + SIZE).contains("crc32: " + expected);
    long maxHeap = Long.parseLong(result.output().replaceAll("(?s).*max heap: (\\d+).*", "$1"));
    assertThat(maxHeap)
        .as("the child's heap")
        .isLessThanOrEqualTo(32L * 1024 * 1024)
        .isLessThan(SIZE);
    assertThat(Files.size(file)).isEqualTo(SIZE);
    CRC32 actual = new CRC32();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) actual.update(buffer, 0, n);
    }
    assertThat(actual.getValue()).isEqualTo(expected);
    server.verify(
        1,
        postRequestedFor(urlEqualTo("/tts/bytes"))
            .withHeader("X-API-Key", equalTo(WireSupport.API_KEY))
            .withRequestBody(
                equalToJson(
                    "{\"model_id\":\"sonic-2\",\"transcript\":\"A long story.\","
                        + "\"voice\":{\"mode\":\"id\",\"id\":\"" + WireSupport.VOICE_ID + "\"},"
                        + "\"output_format\":{\"container\":\"mp3\",\"sample_rate\":44100,\"bit_rate\":128000}}")));
  }

  /** The control: the same heap cannot hold the body, so the test above proves streaming. */
  @Test
  void readingTheBodyWholeDoesNotFitInTheSameHeap() throws Exception {
    stubLargeBody();

    ChildJvm.Result result = ChildJvm.run(
        LargeDownloadMain.class,
        List.of("-Xmx32m", "-XX:+UseSerialGC"),
        env -> {},
        server.baseUrl(),
        dir.resolve("whole.mp3").toString(),
        "buffered");

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("OutOfMemoryError");
  }
}
