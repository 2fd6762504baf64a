package ai.cartesia.core.sse;

import java.io.IOException;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Splits a UTF-8 byte stream into lines the way the event-stream format does: a line ends at CR,
 * LF or CRLF, one leading byte order mark is dropped, malformed UTF-8 becomes U+FFFD. A line
 * ending in CR is returned at once; the LF that may follow is skipped on the next read, so an
 * event is never held back waiting for a byte that may not come.
 */
final class LineReader {

  private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
  private static final ByteString BOM = ByteString.decodeHex("efbbbf");

  private final BufferedSource source;
  private boolean started;
  private boolean skipLineFeed;

  LineReader(BufferedSource source) {
    this.source = source;
  }

  /** The next line without its ending; null at the end of the stream. */
  String readLine() throws IOException {
    if (!started) {
      started = true;
      if (source.rangeEquals(0, BOM)) source.skip(BOM.size());
    }
    if (skipLineFeed) {
      skipLineFeed = false;
      if (source.request(1) && source.getBuffer().getByte(0) == '\n') source.skip(1);
    }
    long end = source.indexOfElement(LINE_ENDS);
    if (end == -1) {
      // The last line may lack an ending.
      return source.exhausted() ? null : source.readUtf8();
    }
    String line = source.readUtf8(end);
    skipLineFeed = source.readByte() == '\r';
    return line;
  }

  void close() throws IOException {
    source.close();
  }
}
