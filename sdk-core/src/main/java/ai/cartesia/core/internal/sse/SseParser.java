package ai.cartesia.core.internal.sse;

import java.io.IOException;
import java.io.InputStream;
import okio.BufferedSource;
import okio.Okio;

/**
 * A parser of {@code text/event-stream} bodies following the WHATWG HTML "server-sent events"
 * parsing rules: UTF-8 with an optional byte order mark, lines ending in CR, LF or CRLF, {@code
 * data} lines joined with {@code \n}, {@code event}, {@code id} (ignored when it contains NUL),
 * {@code retry} (digits only), comments, fields without a colon, one space after the colon
 * stripped, an event dispatched on a blank line, an event with no data not dispatched.
 *
 * <p>One deliberate deviation: an event that the body's end cuts off before its blank line is
 * still dispatched, where the standard would discard it. Servers that close right after their
 * last event do exist, and losing that event (often the one that says "done") is worse.
 *
 * <p>It reads from the source as events are asked for, never the whole body.
 */
public final class SseParser implements EventReader {

  private final LineReader lines;
  private final EventAssembler assembler = new EventAssembler();

  public SseParser(BufferedSource source) {
    this.lines = new LineReader(source);
  }

  public static SseParser of(InputStream stream) {
    return new SseParser(Okio.buffer(Okio.source(stream)));
  }

  @Override
  public ServerSentEvent next() throws IOException {
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      ServerSentEvent event = assembler.line(line);
      if (event != null) return event;
    }
    return assembler.dispatch();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
