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
 * <p>It reads from the source as events are asked for, never the whole body, and hands out an
 * event's data as the bytes it came in where it can ({@link CurrentEvent}).
 */
public final class SseParser implements EventReader {

  private final LineReader lines;
  private final EventAssembler assembler;

  public SseParser(BufferedSource source) {
    this.lines = new LineReader(source);
    this.assembler = new EventAssembler(lines);
  }

  public static SseParser of(InputStream stream) {
    return new SseParser(Okio.buffer(Okio.source(stream)));
  }

  @Override
  public CurrentEvent nextEvent() throws IOException {
    while (assembler.nextLine()) {
      CurrentEvent event = assembler.line();
      if (event != null) return event;
    }
    return assembler.dispatch();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
