package ai.cartesia;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the WireMock tests of the generated SDK share: the key, the client, and readers of the request journal. */
final class WireSupport {

  /** A key that is easy to look for in messages that must never show it. */
  static final String API_KEY = "sk_test_DO_NOT_LEAK_123";

  static final String VOICE_ID = "694f9389-aac1-45b6-b726-9d9369183238";

  private WireSupport() {}

  /** A client of the server that does not retry, so that every test sees exactly the requests it caused. */
  static Cartesia client(WireMockExtension server) {
    return Cartesia.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl())
        .maxRetries(0)
        .build();
  }

  /** The headers every authenticated request carries. */
  static RequestPatternBuilder authenticated(RequestPatternBuilder pattern) {
    return pattern
        .withHeader("X-API-Key", equalTo(API_KEY))
        .withHeader("Cartesia-Version", equalTo("2024-11-13"))
        .withHeader("User-Agent", matching("cartesia-java/.+"));
  }

  /** The requests the server received, oldest first. */
  static List<LoggedRequest> requests(WireMockExtension server) {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    events.sort(Comparator.comparing(event -> event.getRequest().getLoggedDate()));
    List<LoggedRequest> requests = new ArrayList<>();
    for (ServeEvent event : events) requests.add(event.getRequest());
    return requests;
  }

  /** The one request the server received; fails if there were more or none. */
  static LoggedRequest onlyRequest(WireMockExtension server) {
    List<LoggedRequest> requests = requests(server);
    assertThat(requests).as("requests received").hasSize(1);
    return requests.get(0);
  }

  /** The names of the parts of a multipart request, in the order they were sent. */
  static List<String> partNames(LoggedRequest request) {
    assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
    List<String> names = new ArrayList<>();
    for (Request.Part part : request.getParts()) names.add(part.getName());
    return names;
  }

  /** The values of the text parts of that name, in order; each must have no file name. */
  static List<String> texts(LoggedRequest request, String name) {
    List<String> values = new ArrayList<>();
    for (Request.Part part : request.getParts()) {
      if (!part.getName().equals(name)) continue;
      assertThat(part.getFileName()).as("file name of the text part " + name).isNull();
      values.add(new String(part.getBody().asBytes(), StandardCharsets.UTF_8));
    }
    return values;
  }

  /** The value of the single text part of that name. */
  static String text(LoggedRequest request, String name) {
    List<String> values = texts(request, name);
    assertThat(values).as("text parts named " + name).hasSize(1);
    return values.get(0);
  }

  /** The single file part of that name. */
  static Request.Part file(LoggedRequest request, String name) {
    List<Request.Part> found = new ArrayList<>();
    for (Request.Part part : request.getParts()) {
      if (part.getName().equals(name)) found.add(part);
    }
    assertThat(found).as("file parts named " + name).hasSize(1);
    Request.Part part = found.get(0);
    assertThat(part.getFileName()).as("file name of " + name).isNotNull();
    assertThat(part.getHeader("Content-Type").firstValue()).isEqualTo("application/octet-stream");
    return part;
  }

  /** Checks a file part: its file name and its bytes. */
  static void assertFilePart(LoggedRequest request, String name, String filename, byte[] bytes) {
    Request.Part part = file(request, name);
    assertThat(part.getFileName()).isEqualTo(filename);
    assertThat(part.getBody().asBytes()).isEqualTo(bytes);
  }

  static byte[] bytes(int size, int seed) {
    byte[] bytes = new byte[size];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }
}
