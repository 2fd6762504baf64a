package ai.cartesia.core.internal.sse;

import ai.cartesia.core.internal.json.ByteScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Splits a UTF-8 byte stream into lines the way the event-stream format does: a line ends at CR,
 * LF or CRLF, one leading byte order mark is dropped. A line ending in CR is returned at once;
 * the LF that may follow is skipped on the next read, so an event is never held back waiting for
 * a byte that may not come.
 *
 * <p>Lines are handed out as ranges of its buffer ({@link #next()}), not as strings: events
 * carrying audio have lines of tens of kilobytes, which the decoder reads from the bytes. A range
 * is valid until the next read, unless {@linkplain #keep kept}. Line ends are found with vector
 * instructions: each byte read is copied once into a second array with the high bit of every
 * control or non-ASCII byte flipped ({@link ByteScan#markControlsAndHighs}), and {@code
 * Arrays.mismatch} of the two finds the next such byte; a line found not to be ASCII is searched
 * on a 32-byte block at a time ({@link ByteScan#lineEnd}). Each byte is marked once and searched
 * once, by one search or the other. The buffers
 * are taken from, and given back on {@link #close()} to, a per-thread spare, so that a stream per
 * response does not mean new buffers per response.
 */
final class LineReader {

  private static final int INITIAL = 32 * 1024;
  /** Larger buffers, grown for an unusual line, are not kept as the spare. */
  private static final int LARGEST_SPARE = 256 * 1024;

  /** The two arrays of a reader, kept per thread between streams. */
  private record Spare(byte[] bytes, byte[] marks) {}

  private static final ThreadLocal<Spare> SPARE = new ThreadLocal<>();
  private static final byte[] NONE = new byte[0];

  private final BufferedSource source;
  private byte[] bytes = NONE;
  /** {@code bytes} with controls and non-ASCII bytes changed, valid from {@code searched} to {@code marked}. */
  private byte[] marks = NONE;
  /** The end of the marked bytes; at or below {@code searched} when none ahead are marked yet. */
  private int marked;
  /** The unread bytes are {@code bytes[start, end)}; those before {@code searched} hold no line end. */
  private int start;

  private int end;
  private int searched;
  /** Bit 0: a byte of the line being searched is not ASCII. */
  private final int[] flags = new int[1];
  /** The first byte kept across reads, or -1. */
  private int kept = -1;

  private int lineStart;
  private int lineLength;
  private boolean lineAscii;
  private boolean started;
  private boolean skipLineFeed;
  private boolean exhausted;

  LineReader(BufferedSource source) {
    this.source = source;
  }

  /** Reads the next line (without its ending) into {@link #buffer()}; false at the end of the stream. */
  boolean next() throws IOException {
    if (!started) {
      started = true;
      while (end - start < 3 && fill()) {
        // a byte order mark is three bytes
      }
      if (end - start >= 3
          && (bytes[start] & 0xff) == 0xef
          && (bytes[start + 1] & 0xff) == 0xbb
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
      int lineEnd = lineEnd();
      if (lineEnd >= 0) {
        line(lineEnd - start);
        skipLineFeed = bytes[lineEnd] == '\r';
        consume(lineEnd + 1 - lineStart);
        return true;
      }
      searched = end;
      if (!fill()) {
        // The last line may lack an ending.
        if (end == start) return false;
        line(end - start);
        consume(end - start);
        return true;
      }
    }
  }

  /** The line {@link #next()} read, decoded; null at the end of the stream. */
  String readLine() throws IOException {
    return next() ? lineString() : null;
  }

  byte[] buffer() {
    return bytes;
  }

  int lineStart() {
    return lineStart;
  }

  int lineLength() {
    return lineLength;
  }

  /** Whether the line is plain ASCII, so its bytes are its characters. */
  boolean lineAscii() {
    return lineAscii;
  }

  /** The line as a string; malformed UTF-8 becomes U+FFFD. */
  String lineString() {
    return new String(bytes, lineStart, lineLength, StandardCharsets.UTF_8);
  }

  /** Keeps {@code buffer()[from, ...)} in the buffer across reads, until {@link #release()}; it may move: see {@link #kept()}. */
  void keep(int from) {
    kept = from;
  }

  /** Where the first byte given to {@link #keep} is now. */
  int kept() {
    return kept;
  }

  void release() {
    kept = -1;
  }

  /** Closes the source and gives the buffer back; the lines read are no longer valid. */
  void close() throws IOException {
    if (bytes.length > 0 && bytes.length <= LARGEST_SPARE && SPARE.get() == null)
      SPARE.set(new Spare(bytes, marks));
    bytes = marks = NONE;
    start = end = searched = marked = 0;
    kept = -1;
    source.close();
  }

  /** The index of the first CR or LF in {@code bytes[searched, end)}, or -1; notes non-ASCII bytes in {@code flags}. */
  private int lineEnd() {
    // A line found not to be ASCII: only line ends matter, and text such as Japanese would stop
    // the mismatch at every byte.
    if (searchedLineNotAscii()) return ByteScan.lineEnd(bytes, searched, end, flags);
    if (marked < end) {
      ByteScan.markControlsAndHighs(bytes, marks, Math.max(marked, searched), end);
      marked = end;
    }
    int i = searched;
    while (true) {
      int m = Arrays.mismatch(bytes, i, end, marks, i, end);
      if (m < 0) return -1;
      i += m;
      byte b = bytes[i];
      if (b == '\n' || b == '\r') return i;
      if (b < 0) {
        flags[0] = 1;
        return ByteScan.lineEnd(bytes, i, end, flags);
      }
      i++; // a tab or another control byte
    }
  }

  private void line(int length) {
    lineStart = start;
    lineLength = length;
    lineAscii = !searchedLineNotAscii();
    flags[0] = 0;
  }

  private boolean searchedLineNotAscii() {
    return (flags[0] & 1) != 0;
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
    return true;
  }

  /** Moves the bytes still needed to the front and grows the array, so that {@code count} more fit. */
  private void makeRoom(int count) {
    if (bytes.length - end >= count) return;
    if (bytes == NONE) {
      Spare spare = SPARE.get();
      SPARE.set(null);
      Spare taken = spare != null ? spare : new Spare(new byte[INITIAL], new byte[INITIAL]);
      bytes = taken.bytes();
      marks = taken.marks();
      // nothing is read yet, so every index is 0 and nothing is marked
      if (bytes.length - end >= count) return;
    }
    int from = kept >= 0 ? Math.min(kept, start) : start;
    if (from > 0) {
      System.arraycopy(bytes, from, bytes, 0, end - from);
      searched -= from;
      start -= from;
      end -= from;
      if (kept >= 0) kept -= from;
    }
    if (bytes.length - end < count) {
      // Both allocated before either is replaced: an OutOfMemoryError leaves the pair the same
      // length, as the spare given back on close must be.
      int size = Math.max(bytes.length * 2, end + count);
      byte[] grownMarks = new byte[size];
      bytes = Arrays.copyOf(bytes, size);
      marks = grownMarks;
    }
    marked = searched; // the marks did not move with the bytes
  }
}
