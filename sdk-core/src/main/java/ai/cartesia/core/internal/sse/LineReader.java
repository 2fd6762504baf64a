package ai.cartesia.core.internal.sse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Splits a UTF-8 byte stream into lines the way the event-stream format does: a line ends at CR,
 * LF or CRLF, one leading byte order mark is dropped, malformed UTF-8 becomes U+FFFD. A line
 * ending in CR is returned at once; the LF that may follow is skipped on the next read, so an
 * event is never held back waiting for a byte that may not come.
 *
 * <p>Events carrying audio have lines of tens of kilobytes, so line ends are found with {@link
 * String#indexOf(int, int)} over a Latin-1 view of the bytes (CR and LF are single bytes in
 * UTF-8, and the JDK searches strings with vector instructions) rather than byte by byte, and no
 * byte is searched twice.
 */
final class LineReader {

  private static final int NONE = -1;
  private static final int UNKNOWN = -2;

  private final BufferedSource source;
  private byte[] bytes = new byte[32 * 1024];
  /** The unread bytes are {@code bytes[start, end)}; those before {@code searched} hold no line end. */
  private int start;
  private int end;
  private int searched;
  /** {@code bytes[viewStart, end)} as Latin-1 characters, for searching; null once bytes come or move. */
  private String view;
  private int viewStart;
  /** Where in {@code view} the next LF and CR are: {@link #NONE} if nowhere, {@link #UNKNOWN} if not searched. */
  private int lineFeedAt;
  private int carriageReturnAt;
  private boolean started;
  private boolean skipLineFeed;
  private boolean exhausted;

  LineReader(BufferedSource source) {
    this.source = source;
  }

  /** The next line without its ending; null at the end of the stream. */
  String readLine() throws IOException {
    if (!started) {
      started = true;
      while (end - start < 3 && fill()) {
        // a byte order mark is three bytes
      }
      if (end - start >= 3 && (bytes[start] & 0xff) == 0xef && (bytes[start + 1] & 0xff) == 0xbb
          && (bytes[start + 2] & 0xff) == 0xbf) {
        consume(3);
      }
    }
    if (skipLineFeed) {
      skipLineFeed = false;
      if (end == start) fill();
      if (end > start && bytes[start] == '\n') consume(1);
    }
    while (true) {
      int lineEnd = findLineEnd();
      if (lineEnd >= 0) {
        String line = new String(bytes, start, lineEnd - start, StandardCharsets.UTF_8);
        skipLineFeed = bytes[lineEnd] == '\r';
        consume(lineEnd + 1 - start);
        return line;
      }
      if (!fill()) {
        // The last line may lack an ending.
        if (end == start) return null;
        String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        consume(end - start);
        return line;
      }
    }
  }

  void close() throws IOException {
    source.close();
  }

  /** The index in {@code bytes} of the first CR or LF not yet consumed, or -1. */
  private int findLineEnd() {
    if (view == null) {
      view = new String(bytes, searched, end - searched, StandardCharsets.ISO_8859_1);
      viewStart = searched;
      lineFeedAt = UNKNOWN;
      carriageReturnAt = UNKNOWN;
    }
    // Each search resumes where the last one stopped, so many short lines cost one pass in all.
    int from = Math.max(start - viewStart, 0); // the view starts at the first byte not searched yet
    if (lineFeedAt != NONE && lineFeedAt < from) lineFeedAt = view.indexOf('\n', from);
    if (carriageReturnAt != NONE && carriageReturnAt < from) carriageReturnAt = view.indexOf('\r', from);
    int found = lineFeedAt == NONE ? carriageReturnAt
        : carriageReturnAt == NONE ? lineFeedAt : Math.min(lineFeedAt, carriageReturnAt);
    if (found == NONE) {
      searched = end;
      return -1;
    }
    return viewStart + found;
  }

  private void consume(int count) {
    start += count;
    if (searched < start) searched = start;
  }

  /** Reads every byte the source has buffered (at least one); false at the end of the stream. */
  private boolean fill() throws IOException {
    if (exhausted) return false;
    if (!source.request(1)) {
      exhausted = true;
      return false;
    }
    Buffer buffered = source.getBuffer();
    long available = buffered.size();
    makeRoom((int) Math.min(available, Integer.MAX_VALUE - 8));
    while (buffered.size() > 0 && end < bytes.length) {
      end += buffered.read(bytes, end, bytes.length - end);
    }
    view = null;
    return true;
  }

  /** Moves the unread bytes to the front and grows the array, so that {@code count} more fit. */
  private void makeRoom(int count) {
    if (bytes.length - end >= count) return;
    int unread = end - start;
    if (start > 0) {
      System.arraycopy(bytes, start, bytes, 0, unread);
      searched -= start;
      end = unread;
      start = 0;
    }
    if (bytes.length - end < count) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + count));
  }
}
