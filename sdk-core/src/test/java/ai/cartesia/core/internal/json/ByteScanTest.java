package ai.cartesia.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {

  /** Bytes that sit on the edges of the word tests: line ends, other controls, 0x0E, ASCII, high bytes. */
  private static final byte[] EDGES = {
    '\n',
    '\r',
    '\t',
    0,
    0x0D,
    0x0E,
    0x0F,
    'a',
    '"',
    0x7F,
    (byte) 0x80,
    (byte) 0x8D,
    (byte) 0x8E,
    (byte) 0xC3,
    (byte) 0xFF
  };

  @Test
  void marksChangeExactlyTheControlAndNonAsciiBytes() {
    byte[] bytes = new byte[256 + 64];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
    byte[] marks = new byte[bytes.length];
    ByteScan.markControlsAndHighs(bytes, marks, 3, bytes.length);
    for (int i = 3; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      assertThat(marks[i] != bytes[i]).as("byte 0x%02x", b).isEqualTo(marked(b));
    }
    assertThat(marks[0]).as("before from: untouched").isZero();
  }

  /** Enough rounds for the JIT to compile (and vectorize) the loop, which runs interpreted at first. */
  @Test
  void marksMatchTheByteByByteDefinitionOnceCompiled() {
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(round % 4 == 0 ? 3_000 : 200)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(8) == 0
            ? EDGES[random.nextInt(EDGES.length)]
            : (byte) random.nextInt(256);
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int to = from + random.nextInt(bytes.length - from + 1);
      byte[] marks = new byte[bytes.length];
      Arrays.fill(marks, (byte) 0x55);
      ByteScan.markControlsAndHighs(bytes, marks, from, to);
      for (int i = 0; i < bytes.length; i++) {
        int b = bytes[i] & 0xff;
        if (i < from || i >= to) {
          assertThat(marks[i]).as("round %d, outside at %d", round, i).isEqualTo((byte) 0x55);
        } else {
          assertThat(marks[i] != bytes[i])
              .as("round %d, byte 0x%02x at %d", round, b, i)
              .isEqualTo(marked(b));
        }
      }
    }
  }

  /** What marking must change: line ends, tab and other controls below 0x0E, and non-ASCII bytes. */
  private static boolean marked(int unsignedByte) {
    return unsignedByte < 0x0E || unsignedByte >= 0x80;
  }

  @Test
  void lastIndexOfFindsWhatABackwardByteSearchFinds() {
    Random random = new Random(41);
    for (int round = 0; round < 20_000; round++) {
      // Short text dense with quotes, and long base64-like runs (letters only) with a rare one.
      boolean longRun = round % 4 == 0;
      byte[] bytes = new byte[random.nextInt(longRun ? 3_000 : 200)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(longRun ? 1_500 : 60) == 0
            ? (random.nextBoolean() ? (byte) '"' : (byte) '\\')
            : longRun
                ? (byte) ('A' + random.nextInt(26))
                : random.nextInt(20) == 0
                    ? EDGES[random.nextInt(EDGES.length)]
                    : (byte) (' ' + random.nextInt(95));
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int to = from + random.nextInt(bytes.length - from + 1);
      int expected = -1;
      for (int i = to - 1; i >= from; i--) {
        if (bytes[i] == '"' || bytes[i] == '\\') {
          expected = i;
          break;
        }
      }
      assertThat(ByteScan.lastIndexOf(bytes, from, to, (byte) '"', (byte) '\\'))
          .as("round %d", round)
          .isEqualTo(expected);
    }
  }

  @Test
  void lineEndFindsWhatAByteByByteSearchFinds() {
    Random random = new Random(14);
    for (int round = 0; round < 20_000; round++) {
      // Short lines dense with edge bytes, and long ones (like audio events) with a rare one.
      boolean longLine = round % 4 == 0;
      byte[] bytes = new byte[random.nextInt(longLine ? 3_000 : 200)];
      int edgeOdds = longLine ? 1_500 : 40;
      for (int i = 0; i < bytes.length; i++) {
        // Mostly plain text, with a few edge bytes at random places.
        bytes[i] = random.nextInt(edgeOdds) == 0
            ? EDGES[random.nextInt(EDGES.length)]
            : (byte) (' ' + random.nextInt(95));
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int to = from + random.nextInt(bytes.length - from + 1);
      int[] flags = new int[1];
      int found = ByteScan.lineEnd(bytes, from, to, flags);

      int expected = -1;
      boolean nonAscii = false;
      for (int i = from; i < to; i++) {
        if (bytes[i] == '\n' || bytes[i] == '\r') {
          expected = i;
          break;
        }
        if (bytes[i] < 0) nonAscii = true;
      }
      assertThat(found).as("line end in round %d", round).isEqualTo(expected);
      assertThat(flags[0] & 1).as("non-ASCII flag in round %d", round).isEqualTo(nonAscii ? 1 : 0);
    }
  }

  @Test
  void lineEndKeepsTheNonAsciiFlagItIsGiven() {
    int[] flags = {1};
    assertThat(ByteScan.lineEnd("plain\n".getBytes(), 0, 6, flags)).isEqualTo(5);
    assertThat(flags[0]).isEqualTo(1);
  }

  @Test
  void indexOfFindsTheFirstValueInRange() {
    Random random = new Random(41);
    for (int round = 0; round < 5_000; round++) {
      byte[] bytes = new byte[random.nextInt(120)];
      for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) ('a' + random.nextInt(3));
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int to = from + random.nextInt(bytes.length - from + 1);
      int expected = -1;
      for (int i = from; i < to && expected < 0; i++) if (bytes[i] == 'c') expected = i;
      assertThat(ByteScan.indexOf(bytes, from, to, (byte) 'c')).isEqualTo(expected);
    }
  }
}
