package ai.cartesia.core.internal.json;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Finds the string value of one top-level field in JSON text and decodes it as base64, without
 * building a string or a tree for it: the hot path of streamed audio, where one field holds tens
 * of kilobytes and everything else a few dozen bytes. On the way it can also read one short
 * top-level string, such as the tag that names a message's type.
 *
 * <p>It handles only the plain case and says so by returning null: the field once, at the top
 * level, a string whose characters are padded base64 (so no escape such as {@code \/}); no
 * duplicate keys. Anything else is left to a general decoder, so that the result does not differ
 * from what one would give, with one exception no valid frame can meet: a character above U+00FF
 * inside the base64 is cut to its low byte (checking every character would double the cost of
 * the hot path) instead of being rejected.
 */
public final class Base64Field {

  private static final Base64.Decoder DECODER = Base64.getDecoder();
  /** Reused per thread: the characters of the value are copied here as bytes for the decoder. */
  private static final ThreadLocal<byte[]> SCRATCH =
      ThreadLocal.withInitial(() -> new byte[32 * 1024]);

  private Base64Field() {}

  /**
   * Where the base64 value is, and the value of the tag field if the text has one.
   *
   * @param start the index of the value's first character
   * @param end the index of the quote that closes it
   * @param tag the text of the tag field, or null if absent, not a plain string, or not asked for
   */
  public record Found(int start, int end, String tag) {}

  /**
   * Scans the top level of {@code json} for the string value of {@code field} and, if {@code tag}
   * is not null, for the string value of {@code tag}; null if the fast path does not apply.
   */
  public static Found find(String json, String field, String tag) {
    int length = json.length();
    int i = skipSpace(json, 0);
    if (i >= length || json.charAt(i) != '{') return null;
    i = skipSpace(json, i + 1);
    int start = -1;
    int end = -1;
    String tagValue = null;
    boolean tagSeen = false;
    while (i < length && json.charAt(i) != '}') {
      if (json.charAt(i) != '"') return null;
      int keyEnd = endOfString(json, i + 1);
      if (keyEnd < 0) return null;
      boolean isField = is(json, i + 1, keyEnd, field);
      boolean isTag = tag != null && is(json, i + 1, keyEnd, tag);
      i = skipSpace(json, keyEnd + 1);
      if (i >= length || json.charAt(i) != ':') return null;
      i = skipSpace(json, i + 1);
      if (i >= length) return null;
      if (isField) {
        if (start >= 0 || json.charAt(i) != '"') return null; // a duplicate, or not a string
        start = i + 1;
        // Base64 has no quote and no backslash: the first quote ends the value, and an escape
        // before it fails the decoding, which sends the frame to the general decoder.
        end = json.indexOf('"', start);
        if (end < 0) return null;
        i = end + 1;
      } else {
        int valueEnd = skipValue(json, i);
        if (valueEnd < 0) return null;
        if (isTag) {
          if (tagSeen) return null; // a duplicate tag: let the general decoder choose
          tagSeen = true;
          tagValue = plainString(json, i, valueEnd);
        }
        i = valueEnd;
      }
      i = skipSpace(json, i);
      if (i < length && json.charAt(i) == ',') i = skipSpace(json, i + 1);
      else if (i >= length || json.charAt(i) != '}') return null;
    }
    return i < length && start >= 0 ? new Found(start, end, tagValue) : null;
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
      return decoded.remaining() == bytes.length
          ? bytes
          : java.util.Arrays.copyOf(bytes, decoded.remaining());
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /**
   * The same as {@link #find(String, String, String)} over the UTF-8 bytes {@code json[from, to)};
   * the indices found are indices into {@code json}.
   */
  public static Found find(byte[] json, int from, int to, String field, String tag) {
    int i = skipSpace(json, from, to);
    if (i >= to || json[i] != '{') return null;
    i = skipSpace(json, i + 1, to);
    int start = -1;
    int end = -1;
    String tagValue = null;
    boolean tagSeen = false;
    while (i < to && json[i] != '}') {
      if (json[i] != '"') return null;
      int keyEnd = endOfString(json, i + 1, to);
      if (keyEnd < 0) return null;
      boolean isField = is(json, i + 1, keyEnd, field);
      boolean isTag = tag != null && is(json, i + 1, keyEnd, tag);
      i = skipSpace(json, keyEnd + 1, to);
      if (i >= to || json[i] != ':') return null;
      i = skipSpace(json, i + 1, to);
      if (i >= to) return null;
      if (isField) {
        if (start >= 0 || json[i] != '"') return null;
        start = i + 1;
        // As above, the first quote ends the value.
        end = closingQuote(json, start, to);
        if (end < 0) return null;
        i = end + 1;
      } else {
        int valueEnd = skipValue(json, i, to);
        if (valueEnd < 0) return null;
        if (isTag) {
          if (tagSeen) return null;
          tagSeen = true;
          tagValue = plainString(json, i, valueEnd);
        }
        i = valueEnd;
      }
      i = skipSpace(json, i, to);
      if (i < to && json[i] == ',') i = skipSpace(json, i + 1, to);
      else if (i >= to || json[i] != '}') return null;
    }
    return i < to && start >= 0 ? new Found(start, end, tagValue) : null;
  }

  /** Below this many bytes from a base64 value to the end, a forward search is the quicker. */
  private static final int LONG_VALUE = 2048;

  /**
   * The index of the quote that ends the string value starting at {@code start} (the first quote
   * after it, as base64 holds none), or -1. Audio is tens of kilobytes and the members after it a
   * few dozen bytes, so a long value's end is found from the object's tail where it can be.
   */
  static int closingQuote(byte[] json, int start, int to) {
    int end = to - start >= LONG_VALUE ? closingQuoteFromTail(json, start, to) : -1;
    return end >= 0 ? end : ByteScan.indexOf(json, start, to, (byte) '"');
  }

  /** How far back a string of the tail is looked for; a longer one is taken for the base64. */
  private static final int SHORT_STRING = 256;

  /**
   * Where the string value that starts at {@code start} ends, found by walking the object's
   * members back from its closing brace, or -1 where the tail is not plain (nested values,
   * escapes, a short value at {@code start}). What it returns is a quote at or after {@code
   * start}: if it is not the first one, the base64 in between holds a quote and fails to decode,
   * so the message goes to the general decoder, never to a shorter audio.
   */
  static int closingQuoteFromTail(byte[] json, int start, int to) {
    int i = skipSpaceBack(json, start, to - 1);
    if (i < start || json[i] != '}') return -1;
    i = skipSpaceBack(json, start, i - 1);
    while (i >= start) {
      // a value: a string (the base64 one if long), or a number or literal
      if (json[i] == '"') {
        int open = quoteBack(json, Math.max(start - 1, i - SHORT_STRING), i - 1);
        if (open == NOT_FOUND) return i;
        if (open < start) return -1; // escaped, or the value at start is short
        i = open - 1;
      } else {
        while (i >= start
            && json[i] != ':'
            && json[i] != ' '
            && json[i] != '\t'
            && json[i] != '\n'
            && json[i] != '\r') {
          byte c = json[i];
          if (c == '"' || c == '}' || c == ']' || c == ',') return -1;
          i--;
        }
      }
      i = skipSpaceBack(json, start, i);
      if (i < start || json[i] != ':') return -1;
      // its key
      i = skipSpaceBack(json, start, i - 1);
      if (i < start || json[i] != '"') return -1;
      int open = quoteBack(json, Math.max(start, i - SHORT_STRING), i - 1);
      if (open < start) return -1;
      i = skipSpaceBack(json, start, open - 1);
      if (i < start || json[i] != ',') return -1;
      i = skipSpaceBack(json, start, i - 1);
    }
    return -1;
  }

  private static final int NOT_FOUND = -1;
  private static final int ESCAPE = -2;

  /** The index of the last quote in {@code json[from, i]}, {@link #NOT_FOUND}, or {@link #ESCAPE} at a backslash. */
  private static int quoteBack(byte[] json, int from, int i) {
    // A word at a time: this passes over SHORT_STRING bytes of base64 before it gives up.
    int k = ByteScan.lastIndexOf(json, from, i + 1, (byte) '"', (byte) '\\');
    if (k < 0) return NOT_FOUND;
    if (json[k] == '\\') return ESCAPE;
    return k > 0 && json[k - 1] == '\\' ? ESCAPE : k;
  }

  private static int skipSpaceBack(byte[] json, int from, int i) {
    while (i >= from && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t'))
      i--;
    return i;
  }

  /** The bytes that the base64 in {@code json[start, end)} stands for, or null if it is not padded base64. */
  public static byte[] decode(byte[] json, int start, int end) {
    if ((end - start) % 4 != 0) return null;
    try {
      // The JDK sizes the result exactly for padded input and reads the array in place.
      ByteBuffer decoded = DECODER.decode(ByteBuffer.wrap(json, start, end - start));
      byte[] bytes = decoded.array();
      return decoded.remaining() == bytes.length
          ? bytes
          : java.util.Arrays.copyOf(bytes, decoded.remaining());
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  static boolean is(byte[] json, int from, int to, String name) {
    if (to - from != name.length()) return false;
    for (int k = 0; k < name.length(); k++) {
      if (json[from + k] != name.charAt(k)) return false;
    }
    return true;
  }

  static String plainString(byte[] json, int from, int to) {
    if (json[from] != '"' || to - from < 2) return null;
    for (int k = from + 1; k < to - 1; k++) {
      if (json[k] == '\\') return null;
    }
    return new String(json, from + 1, to - from - 2, StandardCharsets.UTF_8);
  }

  static int skipSpace(byte[] json, int i, int to) {
    while (i < to) {
      byte c = json[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
      i++;
    }
    return i;
  }

  static int endOfString(byte[] json, int i, int to) {
    while (i < to) {
      byte c = json[i];
      if (c == '"') return i;
      i += c == '\\' ? 2 : 1;
    }
    return -1;
  }

  static int skipValue(byte[] json, int i, int to) {
    byte c = json[i];
    if (c == '"') {
      int end = endOfString(json, i + 1, to);
      return end < 0 ? -1 : end + 1;
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      while (i < to) {
        byte d = json[i];
        if (d == '"') {
          int end = endOfString(json, i + 1, to);
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
    while (i < to) {
      byte d = json[i];
      if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t')
        return i;
      i++;
    }
    return -1;
  }

  static boolean is(String json, int from, int to, String name) {
    return to - from == name.length() && json.startsWith(name, from);
  }

  /** The text of a string value without escapes that spans {@code [from, to)}, quotes included; else null. */
  static String plainString(String json, int from, int to) {
    if (json.charAt(from) != '"' || to - from < 2) return null;
    String text = json.substring(from + 1, to - 1);
    return text.indexOf('\\') >= 0 ? null : text;
  }

  static int skipSpace(String json, int i) {
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
      i++;
    }
    return i;
  }

  /** The index of the quote that closes the string whose characters start at {@code i}. */
  static int endOfString(String json, int i) {
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c == '"') return i;
      i += c == '\\' ? 2 : 1;
    }
    return -1;
  }

  /** The index just after the value that starts at {@code i}, or -1 if it is broken. */
  static int skipValue(String json, int i) {
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
      if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t')
        return i;
      i++;
    }
    return -1;
  }
}
