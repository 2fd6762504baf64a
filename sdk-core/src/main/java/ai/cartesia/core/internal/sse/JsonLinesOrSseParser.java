package ai.cartesia.core.internal.sse;

import java.io.IOException;
import java.io.InputStream;
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

  private static final String[] FIELDS = {"data", "event", "id", "retry"};

  private final LineReader lines;
  private final EventAssembler assembler;
  private final CurrentEvent record = new CurrentEvent();
  private String heldLine;

  public JsonLinesOrSseParser(BufferedSource source) {
    this.lines = new LineReader(source);
    this.assembler = new EventAssembler(lines);
  }

  public static JsonLinesOrSseParser of(InputStream stream) {
    return new JsonLinesOrSseParser(Okio.buffer(Okio.source(stream)));
  }

  @Override
  public CurrentEvent nextEvent() throws IOException {
    if (heldLine != null) {
      String line = heldLine;
      heldLine = null;
      return record(line);
    }
    while (assembler.nextLine()) {
      if (isEventStreamLine()) {
        CurrentEvent event = assembler.line();
        if (event != null) return event;
        continue;
      }
      String line = lines.lineString();
      if (!line.isBlank()) {
        // A record also ends an event-stream event in progress, which goes first.
        CurrentEvent pending = assembler.dispatch();
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

  private CurrentEvent record(String line) {
    record.data(line.strip());
    record.set("message", "", null);
    return record;
  }

  /** Blank, a comment, or a field name alone or before a colon. (Bytes below 0x80 are their characters.) */
  private boolean isEventStreamLine() {
    byte[] line = lines.buffer();
    int from = lines.lineStart();
    int to = from + lines.lineLength();
    if (from == to || line[from] == ':') return true;
    for (String field : FIELDS) {
      int nameEnd = from + field.length();
      if (nameEnd <= to
          && EventAssembler.is(line, from, nameEnd, field)
          && (nameEnd == to || line[nameEnd] == ':')) {
        return true;
      }
    }
    return false;
  }
}
