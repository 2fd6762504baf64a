package ai.cartesia.core.json;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Finds the string value of one top-level field in JSON text and decodes it as base64, without
 * building a string or a tree for it: the hot path of streamed audio, where one field holds tens
 * of kilobytes and everything else a few dozen bytes.
 *
 * <p>It handles only the plain case and says so by returning {@link #NOT_FOUND}: the field once,
 * at the top level, a string without escapes whose length is a multiple of four. Anything else
 * (escaped {@code \/}, a duplicate key, a nested or missing field, broken JSON) is left to a
 * general decoder, so that the result never differs from what one would give.
 */
public final class Base64Field {

  /** Returned by {@link #span} when the fast path does not apply. */
  public static final long NOT_FOUND = -1;

  private static final Base64.Decoder DECODER = Base64.getDecoder();
  /** Reused per thread: the characters of the value are copied here as bytes for the decoder. */
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[32 * 1024]);

  private Base64Field() {}

  /**
   * Where the characters of the top-level string value of {@code name} are: {@code start << 32
   * | end} (end exclusive), or {@link #NOT_FOUND}.
   */
  public static long span(String json, String name) {
    int length = json.length();
    int i = skipSpace(json, 0);
    if (i >= length || json.charAt(i) != '{') return NOT_FOUND;
    i = skipSpace(json, i + 1);
    long found = NOT_FOUND;
    while (i < length && json.charAt(i) != '}') {
      if (json.charAt(i) != '"') return NOT_FOUND;
      int keyEnd = endOfString(json, i + 1);
      if (keyEnd < 0) return NOT_FOUND;
      boolean isField = keyEnd - i - 1 == name.length() && json.startsWith(name, i + 1);
      i = skipSpace(json, keyEnd + 1);
      if (i >= length || json.charAt(i) != ':') return NOT_FOUND;
      i = skipSpace(json, i + 1);
      if (i >= length) return NOT_FOUND;
      if (isField) {
        if (found != NOT_FOUND || json.charAt(i) != '"') return NOT_FOUND; // a duplicate, or not a string
        int start = i + 1;
        int end = json.indexOf('"', start);
        if (end < 0) return NOT_FOUND;
        int escape = json.indexOf('\\', start);
        if (escape >= 0 && escape < end) return NOT_FOUND;
        found = ((long) start << 32) | end;
        i = end + 1;
      } else {
        i = skipValue(json, i);
        if (i < 0) return NOT_FOUND;
      }
      i = skipSpace(json, i);
      if (i < length && json.charAt(i) == ',') i = skipSpace(json, i + 1);
      else if (i >= length || json.charAt(i) != '}') return NOT_FOUND;
    }
    return i < length ? found : NOT_FOUND;
  }

  public static int start(long span) {
    return (int) (span >>> 32);
  }

  public static int end(long span) {
    return (int) span;
  }

  /**
   * The bytes the base64 characters in {@code [start, end)} stand for, or null if they are not
   * padded base64 (the general decoder then reports the problem).
   */
  @SuppressWarnings("deprecation") // the one JDK copy of chars into bytes without a charset encoder
  public static byte[] decode(String json, int start, int end) {
    int length = end - start;
    if (length % 4 != 0) return null;
    byte[] scratch = SCRATCH.get();
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
      SCRATCH.set(scratch);
    }
    // Base64 is ASCII, so each char is one byte. (A char above U+00FF, which no valid frame
    // has here, would be cut to its low byte instead of being rejected.)
    json.getBytes(start, end, scratch, 0);
    try {
      ByteBuffer decoded = DECODER.decode(ByteBuffer.wrap(scratch, 0, length));
      byte[] bytes = decoded.array();
      return decoded.remaining() == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, decoded.remaining());
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static int skipSpace(String json, int i) {
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
      i++;
    }
    return i;
  }

  /** The index of the quote that closes the string whose characters start at {@code i}. */
  private static int endOfString(String json, int i) {
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c == '"') return i;
      i += c == '\\' ? 2 : 1;
    }
    return -1;
  }

  /** The index just after the value that starts at {@code i}, or -1 if it is broken. */
  private static int skipValue(String json, int i) {
    char c = json.charAt(i);
    if (c == '"') {
      int end = endOfString(json, i + 1);
      return end < 0 ? -1 : end + 1;
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      while (i < json.length()) {
        char d = json.charAt(i);
        if (d == '"') {
          int end = endOfString(json, i + 1);
          if (end < 0) return -1;
          i = end + 1;
          continue;
        }
        if (d == '{' || d == '[') depth++;
        else if (d == '}' || d == ']') {
          depth--;
          if (depth == 0) return i + 1;
        }
        i++;
      }
      return -1;
    }
    while (i < json.length()) {
      char d = json.charAt(i);
      if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t') return i;
      i++;
    }
    return -1;
  }
}
