package ai.cartesia.core.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The WHATWG event-stream rules, case by case, and the one deliberate deviation. */
@Timeout(10)
class SseParserTest {

  private static List<ServerSentEvent> parse(String body) throws IOException {
    return parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<ServerSentEvent> parse(InputStream body) throws IOException {
    List<ServerSentEvent> events = new ArrayList<>();
    try (SseParser parser = SseParser.of(body)) {
      for (ServerSentEvent event = parser.next(); event != null; event = parser.next())
        events.add(event);
    }
    return events;
  }

  private static ServerSentEvent event(String type, String data, String id) {
    return new ServerSentEvent(type, data, id, null);
  }

  @Test
  void dataLinesAreJoinedWithLineFeeds() throws IOException {
    assertThat(parse("data: first\ndata: second\ndata\ndata:third\n\n"))
        .containsExactly(event("message", "first\nsecond\n\nthird", ""));
  }

  @Test
  void theEventFieldNamesTheTypeOfOneEventOnly() throws IOException {
    assertThat(parse("event: chunk\ndata: {\"a\":1}\n\ndata: plain\n\n"))
        .containsExactly(event("chunk", "{\"a\":1}", ""), event("message", "plain", ""));
  }

  @Test
  void aRepeatedEventTypeIsTheSameTypeAndAnEventWithoutOneIsAMessage() throws IOException {
    assertThat(parse("event: a\ndata: 1\n\nevent: a\ndata: 2\n\ndata: 3\n\nevent: ab\ndata: 4\n\n"
            + "event: a\nevent: b\ndata: 5\n\n"))
        .containsExactly(
            event("a", "1", ""),
            event("a", "2", ""),
            event("message", "3", ""),
            event("ab", "4", ""),
            event("b", "5", ""));
  }

  @Test
  void theLastEventIdPersistsAndAnIdWithNulIsIgnored() throws IOException {
    assertThat(parse("id: 7\ndata: a\n\ndata: b\n\nid: 8\u0000x\ndata: c\n\nid\ndata: d\n\n"))
        .containsExactly(
            event("message", "a", "7"),
            event("message", "b", "7"),
            event("message", "c", "7"),
            event("message", "d", ""));
  }

  @Test
  void retryTakesDigitsOnly() throws IOException {
    List<ServerSentEvent> events =
        parse("retry: 1500\ndata: a\n\nretry: 2s\ndata: b\n\nretry:\ndata: c\n\n");
    assertThat(events)
        .extracting(ServerSentEvent::retry)
        .containsOnly(java.util.Optional.of(Duration.ofMillis(1500)));
  }

  @Test
  void commentsAndUnknownFieldsAreIgnored() throws IOException {
    assertThat(parse(": keep-alive\n:\nfoo: bar\ndata: a\nbaz\n\n"))
        .containsExactly(event("message", "a", ""));
  }

  @Test
  void onlyOneSpaceAfterTheColonIsStripped() throws IOException {
    assertThat(parse("data:  two spaces\n\ndata:none\n\n"))
        .containsExactly(event("message", " two spaces", ""), event("message", "none", ""));
  }

  @Test
  void linesMayEndInCrLfOrCrLf() throws IOException {
    assertThat(parse("data: a\r\ndata: b\rdata: c\n\r\nevent: x\rdata: d\r\r"))
        .containsExactly(event("message", "a\nb\nc", ""), event("x", "d", ""));
  }

  @Test
  void oneLeadingByteOrderMarkIsDropped() throws IOException {
    assertThat(parse("\uFEFFdata: a\n\n\uFEFFdata: b\n\n"))
        .containsExactly(event("message", "a", ""));
  }

  @Test
  void anEventWithoutDataIsNotDispatched() throws IOException {
    assertThat(parse("event: ping\n\nid: 3\n\ndata: a\n\n"))
        .containsExactly(event("message", "a", "3"));
  }

  @Test
  void aLastEventCutOffByTheEndIsStillDispatched() throws IOException {
    // The deliberate deviation from the standard, which would drop it.
    assertThat(parse("data: a\n\nevent: done\ndata: {\"done\":true}"))
        .containsExactly(event("message", "a", ""), event("done", "{\"done\":true}", ""));
    assertThat(parse("data: a\n\ndata: b\n"))
        .containsExactly(event("message", "a", ""), event("message", "b", ""));
  }

  @Test
  void utf8SplitAcrossReadsIsDecodedWhole() throws IOException {
    byte[] bytes = "data: ɔ̃ʒuʁ — 日本\n\n".getBytes(StandardCharsets.UTF_8);
    InputStream oneByteAtATime = new InputStream() {
      private int next;

      @Override
      public int read() {
        return next < bytes.length ? bytes[next++] & 0xff : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (next >= bytes.length) return -1;
        buffer[offset] = bytes[next++];
        return 1;
      }
    };
    assertThat(parse(oneByteAtATime)).containsExactly(event("message", "ɔ̃ʒuʁ — 日本", ""));
  }

  @Test
  void malformedUtf8BecomesTheReplacementCharacter() throws IOException {
    byte[] bytes = {'d', 'a', 't', 'a', ':', ' ', (byte) 0xff, 'x', '\n', '\n'};
    assertThat(parse(new ByteArrayInputStream(bytes)))
        .containsExactly(event("message", "\uFFFDx", ""));
  }

  @Test
  void eventsArriveAsTheyAreWrittenWithoutReadingTheBodyWhole() throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    PipedInputStream body = new PipedInputStream(writer, 1 << 16);
    try (SseParser parser = SseParser.of(body)) {
      // An event ended by CR CR: dispatched at once, without waiting for a possible LF.
      writer.write("data: first\r\r".getBytes(StandardCharsets.UTF_8));
      writer.flush();
      CompletableFuture<ServerSentEvent> first = CompletableFuture.supplyAsync(() -> next(parser));
      assertThat(first.get(2, TimeUnit.SECONDS)).isEqualTo(event("message", "first", ""));

      CompletableFuture<ServerSentEvent> second = CompletableFuture.supplyAsync(() -> next(parser));
      Thread.sleep(100);
      assertThat(second).as("no second event yet").isNotDone();
      writer.write("\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
      writer.flush();
      assertThat(second.get(2, TimeUnit.SECONDS)).isEqualTo(event("message", "second", ""));
      writer.close();
      assertThat(parser.next()).isNull();
    }
  }

  private static ServerSentEvent next(SseParser parser) {
    try {
      return parser.next();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
