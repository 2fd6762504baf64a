package ai.cartesia.core.internal.sse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Interprets the lines of an event stream by the WHATWG rules and says when an event is complete.
 * Kept apart from line splitting so that the JSON-lines reader can share it.
 *
 * <p>It reads the lines as bytes. An event's one data line (the usual case) is not copied: the
 * line reader keeps it in its buffer until the next read, and the event points at it. Only a
 * second data line makes the data a joined string.
 */
final class EventAssembler {

  private final LineReader lines;
  private final CurrentEvent current = new CurrentEvent();
  private boolean hasData;
  /** The first data line is kept in the line reader's buffer: {@code dataLength} bytes from {@code lines.kept()}. */
  private int dataLength;

  private boolean dataAscii;
  /** Two or more data lines, joined here. */
  private boolean joining;

  private final StringBuilder joined = new StringBuilder();
  /** The last event handed out still points into the line reader's buffer. */
  private boolean dispatched;

  private String eventType = "";
  /** What the last {@code event} field named: streams name the same few types again and again. */
  private String lastEventType = "";

  private String lastEventId = "";
  private Duration retry;

  EventAssembler(LineReader lines) {
    this.lines = lines;
  }

  /** Reads the next line; false at the end of the stream. The event last returned is no longer valid. */
  boolean nextLine() throws IOException {
    if (dispatched) {
      dispatched = false;
      lines.release();
    }
    return lines.next();
  }

  /** Takes the line just read; returns the event a blank line completes, otherwise null. */
  CurrentEvent line() {
    byte[] line = lines.buffer();
    int from = lines.lineStart();
    int to = from + lines.lineLength();
    if (from == to) return dispatch();
    if (line[from] == ':') return null; // a comment
    int colon = indexOf(line, from, to, (byte) ':');
    int nameEnd = colon < 0 ? to : colon;
    int value = colon < 0 ? to : colon + 1 < to && line[colon + 1] == ' ' ? colon + 2 : colon + 1;
    if (is(line, from, nameEnd, "data")) {
      data(line, value, to);
    } else if (is(line, from, nameEnd, "event")) {
      eventType = lastEventType = text(line, value, to, lastEventType);
    } else if (is(line, from, nameEnd, "id")) {
      if (indexOf(line, value, to, (byte) 0) < 0) lastEventId = text(line, value, to, lastEventId);
    } else if (is(line, from, nameEnd, "retry")) {
      retry(line, value, to);
    } // other fields are ignored
    return null;
  }

  /**
   * The event in progress, if it has data, and a fresh start; null if there is none. An event
   * whose data buffer is empty is not dispatched.
   */
  CurrentEvent dispatch() {
    if (!hasData) {
      eventType = "";
      return null;
    }
    if (joining) {
      current.data(joined.toString());
    } else if (dataAscii) {
      current.asciiData(lines.buffer(), lines.kept(), dataLength);
      dispatched = true; // kept until the next read
    } else {
      current.data(new String(lines.buffer(), lines.kept(), dataLength, StandardCharsets.UTF_8));
      lines.release();
    }
    current.set(eventType.isEmpty() ? "message" : eventType, lastEventId, retry);
    hasData = false;
    joining = false;
    eventType = "";
    return current;
  }

  private void data(byte[] line, int from, int to) {
    if (!hasData) {
      hasData = true;
      lines.keep(from);
      dataLength = to - from;
      dataAscii = lines.lineAscii();
      return;
    }
    if (!joining) {
      joining = true;
      joined.setLength(0);
      joined.append(new String(lines.buffer(), lines.kept(), dataLength, StandardCharsets.UTF_8));
      lines.release();
    }
    joined.append('\n').append(new String(line, from, to - from, StandardCharsets.UTF_8));
  }

  private void retry(byte[] line, int from, int to) {
    if (from == to) return;
    for (int i = from; i < to; i++) {
      if (line[i] < '0' || line[i] > '9') return;
    }
    try {
      retry = Duration.ofMillis(
          Long.parseLong(new String(line, from, to - from, StandardCharsets.US_ASCII)));
    } catch (NumberFormatException tooLarge) {
      // digits only, but beyond a long: ignored like any unusable value
    }
  }

  /** The value as a string; {@code previous} itself when the bytes spell it, as event types mostly do. */
  private static String text(byte[] line, int from, int to, String previous) {
    if (to - from == previous.length()) {
      boolean same = true;
      for (int i = 0; i < previous.length() && same; i++)
        same = line[from + i] == previous.charAt(i);
      if (same) return previous;
    }
    return new String(line, from, to - from, StandardCharsets.UTF_8);
  }

  /** Whether the bytes are the ASCII {@code name}. (A multi-byte character never is: its bytes are negative.) */
  static boolean is(byte[] line, int from, int to, String name) {
    if (to - from != name.length()) return false;
    for (int i = 0; i < name.length(); i++) {
      if (line[from + i] != name.charAt(i)) return false;
    }
    return true;
  }

  private static int indexOf(byte[] line, int from, int to, byte value) {
    for (int i = from; i < to; i++) {
      if (line[i] == value) return i;
    }
    return -1;
  }
}
