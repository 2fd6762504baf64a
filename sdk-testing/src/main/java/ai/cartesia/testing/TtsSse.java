package ai.cartesia.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * The fake TTS Server-Sent Events endpoint ({@code POST /tts/sse}): the generation's chunks and
 * timestamps as {@code event: <type>} / {@code data: <json>} events, then {@code done}, each
 * flushed as it is written and passed through the {@link Faults}. An invalid request is refused
 * with 400; a failing generation ({@link FakeCartesiaServer#FAILING_TRANSCRIPT}) streams one
 * {@code error} event.
 */
final class TtsSse {

  private TtsSse() {}

  static MockResponse respond(
      ObjectNode request, Faults faults, Runnable drop, int chunks, int chunkBytes) {
    if (request == null) return HttpAnswers.error(400, "the body must be a JSON object");
    String problem = Generation.problem(request);
    if (problem != null) return HttpAnswers.error(400, problem);
    String contextId =
        request.path("context_id").isTextual() ? request.get("context_id").asText() : null;
    String failure = Generation.failure(request);
    // A valid request whose generation fails: the stream starts, and its only event is the error.
    List<String> messages = failure != null
        ? List.of(Messages.error(contextId, 500, failure))
        : new java.util.ArrayList<>(
            Generation.audioMessages(request, contextId, chunks, chunkBytes));
    if (failure == null) messages.add(Messages.done(contextId, 200));
    return new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("Cache-Control", "no-cache")
        .body(new Events(messages, contextId, faults, drop))
        // Chunked, as a real stream is, so that a drop is an unexpected end and not a clean one.
        .removeHeader("Content-Length")
        .setHeader("Transfer-Encoding", "chunked")
        .build();
  }

  private static final class Events implements MockResponseBody {
    private final List<String> messages;
    private final String contextId;
    private final Faults faults;
    private final Runnable drop;

    Events(List<String> messages, String contextId, Faults faults, Runnable drop) {
      this.messages = messages;
      this.contextId = contextId;
      this.faults = faults;
      this.drop = drop;
    }

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      FaultyFrames frames = new FaultyFrames(faults, new FaultyFrames.Sink() {
        @Override
        public void send(String data) throws IOException {
          ObjectNode parsed = Json.parseObject(data);
          String type = parsed == null ? "message" : parsed.path("type").asText("message");
          chunk(sink, "event: " + type + "\ndata: " + data + "\n\n");
        }

        @Override
        public void drop() {
          drop.run();
        }
      });
      for (String message : messages) frames.write(contextId, message);
      // The last chunk is "0" and its CRLF only: MockWebServer itself writes the trailer section
      // that follows (with its closing CRLF) for a chunked response. Writing that CRLF here too
      // left a stray one on the connection, which the next response on it was read after.
      if (!frames.dropped()) sink.writeUtf8("0\r\n").flush();
    }

    /** One chunk of the chunked transfer coding, flushed at once. */
    private static void chunk(BufferedSink sink, String text) throws IOException {
      byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      sink.writeUtf8(Integer.toHexString(bytes.length))
          .writeUtf8("\r\n")
          .write(bytes)
          .writeUtf8("\r\n");
      sink.flush();
    }
  }
}
