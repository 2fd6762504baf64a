package ai.cartesia.core.internal.sse;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import okio.BufferedSource;
import okio.Okio;

/**
 * Reads a body that is either an event stream or one JSON object per line (NDJSON), deciding line
 * by line, for endpoints whose framing is not settled (Cartesia's voice changer stream). Lines
 * that look like event-stream fields ({@code data:}, {@code event:}, {@code id:}, {@code
 * retry:}, a comment {@code :...}, or a blank line) are read by the event-stream rules of {@link
 * SseParser}; any other non-blank line, normally a {@code {...}} object, is an event of its own
 * whose data is the line. So the decoder sees the same JSON texts either way, and a line that
 * is neither fails in the decoder, visibly.
 */
public final class JsonLinesOrSseParser implements EventReader {

  private static final Pattern SSE_FIELD = Pattern.compile("(?:data|event|id|retry)(?::.*)?", Pattern.DOTALL);

  private final LineReader lines;
  private final EventAssembler assembler = new EventAssembler();
  private String heldLine;

  public JsonLinesOrSseParser(BufferedSource source) {
    this.lines = new LineReader(source);
  }

  public static JsonLinesOrSseParser of(InputStream stream) {
    return new JsonLinesOrSseParser(Okio.buffer(Okio.source(stream)));
  }

  @Override
  public ServerSentEvent next() throws IOException {
    if (heldLine != null) {
      String line = heldLine;
      heldLine = null;
      return record(line);
    }
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isEmpty() || line.startsWith(":") || SSE_FIELD.matcher(line).matches()) {
        ServerSentEvent event = assembler.line(line);
        if (event != null) return event;
      } else if (!line.isBlank()) {
        // A record also ends an event-stream event in progress, which goes first.
        ServerSentEvent pending = assembler.dispatch();
        if (pending == null) return record(line);
        heldLine = line;
        return pending;
      }
    }
    return assembler.dispatch();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  private static ServerSentEvent record(String line) {
    return new ServerSentEvent("message", line.strip(), "", null);
  }
}
