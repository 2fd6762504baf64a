package ai.cartesia.core.internal.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches of byte arrays: audio events are lines of tens of kilobytes, and the JDK has no search
 * for a byte in a {@code byte[]} short of making a {@code String} of it. Either a word at a time
 * (one {@code long} read, bit tricks on all eight bytes at once, four words per test where the
 * search is long), or in vector instructions: the JIT's for {@link #markControlsAndHighs}, the
 * JDK's for {@code Arrays.mismatch}.
 */
public final class ByteScan {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  /** The first byte past CR (0x0D): the bytes below it are line ends, tab and other controls. */
  private static final int FIRST_PLAIN = 0x0E;
  /** {@link #FIRST_PLAIN} in every byte. */
  private static final long CONTROL_LIMIT = ONES * FIRST_PLAIN;

  private ByteScan() {}

  /** The index of the first {@code value} in {@code bytes[from, to)}, or -1. */
  public static int indexOf(byte[] bytes, int from, int to, byte value) {
    long pattern = ONES * (value & 0xff);
    int i = from;
    // Four words per step with one branch: the four tests run side by side in the CPU.
    for (; i <= to - 32; i += 32) {
      if ((zeroBytes((long) LONGS.get(bytes, i) ^ pattern)
              | zeroBytes((long) LONGS.get(bytes, i + 8) ^ pattern)
              | zeroBytes((long) LONGS.get(bytes, i + 16) ^ pattern)
              | zeroBytes((long) LONGS.get(bytes, i + 24) ^ pattern))
          != 0) break;
    }
    for (; i <= to - 8; i += 8) {
      // some byte of the word XOR the pattern is zero: value is in this word
      if (zeroBytes((long) LONGS.get(bytes, i) ^ pattern) != 0) break;
    }
    for (; i < to; i++) {
      if (bytes[i] == value) return i;
    }
    return -1;
  }

  /** The index of the last {@code a} or {@code b} in {@code bytes[from, to)}, or -1. */
  public static int lastIndexOf(byte[] bytes, int from, int to, byte a, byte b) {
    long as = ONES * (a & 0xff);
    long bs = ONES * (b & 0xff);
    int i = to;
    // Four words per step with one branch, as in indexOf; the word that matched is found below.
    for (; i - 32 >= from; i -= 32) {
      if ((hasEither((long) LONGS.get(bytes, i - 8), as, bs)
              | hasEither((long) LONGS.get(bytes, i - 16), as, bs)
              | hasEither((long) LONGS.get(bytes, i - 24), as, bs)
              | hasEither((long) LONGS.get(bytes, i - 32), as, bs))
          != 0) break;
    }
    for (; i - 8 >= from; i -= 8) {
      if (hasEither((long) LONGS.get(bytes, i - 8), as, bs) != 0) break;
    }
    for (i--; i >= from; i--) {
      if (bytes[i] == a || bytes[i] == b) return i;
    }
    return -1;
  }

  /** Non-zero if some byte of {@code x} is the byte repeated in {@code as} or in {@code bs}. */
  private static long hasEither(long x, long as, long bs) {
    return zeroBytes(x ^ as) | zeroBytes(x ^ bs);
  }

  /** Non-zero exactly when some byte of {@code x} is zero (its lowest such byte's high bit set). */
  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  /**
   * The index of the first CR or LF in {@code bytes[from, to)}, or -1 if none; and, in {@code
   * flags}, bit 0 set when a byte at or above 0x80 was passed over on the way (so the text is
   * not plain ASCII). {@code flags} is read and written: callers carry it across calls.
   */
  public static int lineEnd(byte[] bytes, int from, int to, int[] flags) {
    int nonAscii = 0;
    int i = from;
    while (true) {
      i = plainBlocks(bytes, i, to);
      int blockEnd = to - i > 32 ? i + 32 : to; // (i + 32 could overflow)
      while (i < blockEnd) {
        if (i <= blockEnd - 8) {
          long x = (long) LONGS.get(bytes, i);
          if (((x - CONTROL_LIMIT) & ~x & HIGHS) == 0) { // no byte below 0x0E in this word
            if ((x & HIGHS) != 0) nonAscii = 1;
            i += 8;
            continue;
          }
        }
        // A word with a control byte (or the last few bytes), byte by byte.
        for (int stop = blockEnd - i > 8 ? i + 8 : blockEnd; i < stop; i++) {
          byte b = bytes[i];
          if (b == '\n' || b == '\r') {
            flags[0] |= nonAscii;
            return i;
          }
          if (b < 0) nonAscii = 1;
        }
      }
      if (i >= to) {
        flags[0] |= nonAscii;
        return -1;
      }
    }
  }

  /**
   * Copies {@code bytes[from, to)} into {@code marks[from, to)}, flipping the high bit of each byte
   * below 0x0E (CR, LF and other controls) or at or above 0x80, so that {@code Arrays.mismatch} of
   * the two arrays (a vectorized JDK intrinsic) finds the first such byte. The loop keeps the shape
   * the JIT vectorizes: the same index into two arrays, nothing but byte arithmetic.
   */
  public static void markControlsAndHighs(byte[] bytes, byte[] marks, int from, int to) {
    for (int i = from; i < to; i++) {
      marks[i] = (byte) (bytes[i] ^ (((bytes[i] - FIRST_PLAIN) | bytes[i]) & 0x80));
    }
  }

  /**
   * Where the first 32-byte block from {@code from} with a byte outside 0x0E to 0x7F starts (or
   * where fewer than 32 bytes are left). The usual block costs one test: a byte below 0x0E
   * borrows into its high bit, a byte at or above 0x80 has it set.
   */
  private static int plainBlocks(byte[] bytes, int from, int to) {
    int i = from;
    for (; i <= to - 32; i += 32) {
      long a = (long) LONGS.get(bytes, i);
      long b = (long) LONGS.get(bytes, i + 8);
      long c = (long) LONGS.get(bytes, i + 16);
      long d = (long) LONGS.get(bytes, i + 24);
      if ((((a - CONTROL_LIMIT)
                  | a
                  | (b - CONTROL_LIMIT)
                  | b
                  | (c - CONTROL_LIMIT)
                  | c
                  | (d - CONTROL_LIMIT)
                  | d)
              & HIGHS)
          != 0) break;
    }
    return i;
  }
}
