package ai.cartesia.core.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The voice-changer stream: the same JSON texts whether framed as SSE or as JSON lines. */
class JsonLinesOrSseParserTest {

  private static final String CHUNK =
      "{\"type\":\"chunk\",\"data\":\"AAAAAAAAAAA=\",\"done\":false,\"status_code\":206,\"step_time\":20.5}";
  private static final String DONE = "{\"type\":\"done\",\"done\":true,\"status_code\":200}";

  private static List<String> data(String body) throws IOException {
    List<String> data = new ArrayList<>();
    try (JsonLinesOrSseParser parser =
        JsonLinesOrSseParser.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))) {
      for (ServerSentEvent event = parser.next(); event != null; event = parser.next())
        data.add(event.data());
    }
    return data;
  }

  @Test
  void readsJsonLines() throws IOException {
    assertThat(data(CHUNK + "\n" + DONE + "\n")).containsExactly(CHUNK, DONE);
    assertThat(data(CHUNK + "\r\n\r\n  \n" + DONE))
        .as("CRLF, blank lines, no final newline")
        .containsExactly(CHUNK, DONE);
  }

  @Test
  void readsEventStreamFraming() throws IOException {
    assertThat(data("data: " + CHUNK + "\n\n: ping\nevent: done\ndata: " + DONE + "\n\n"))
        .containsExactly(CHUNK, DONE);
  }

  @Test
  void decidesLineByLine() throws IOException {
    // An event-stream event not yet ended by a blank line is ended by the JSON line that follows.
    assertThat(data("data: " + CHUNK + "\n" + DONE + "\n")).containsExactly(CHUNK, DONE);
    assertThat(data(CHUNK + "\ndata: " + DONE + "\n\n")).containsExactly(CHUNK, DONE);
  }

  @Test
  void aLineThatIsNeitherReachesTheDecoderToFailThere() throws IOException {
    assertThat(data("oops, an HTML error page\n" + DONE + "\n"))
        .containsExactly("oops, an HTML error page", DONE);
  }

  @Test
  void aDataLineHoldingAUnicodeLineSeparatorStaysOneEventStreamField() throws IOException {
    // JSON strings may hold U+2028 and U+0085 raw; to SSE they are not line ends.
    String transcript = "{\"type\":\"transcript\",\"text\":\"one\u2028two\u0085three\"}";

    assertThat(data("data: " + transcript + "\n\n" + DONE + "\n"))
        .containsExactly(transcript, DONE);
  }
}
