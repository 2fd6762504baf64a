package ai.cartesia.core.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lines come out the same however the bytes arrive: random lines (short and tens of kilobytes,
 * ASCII and multi-byte UTF-8, every kind of line ending) read through random small reads.
 */
class LineReaderTest {

  private static final String[] ENDINGS = {"\n", "\r", "\r\n"};
  private static final String[] PIECES = {
    "data: ", "{\"a\":1}", "QUJD+/09", "é", "€", "音声", "🎧", ":", " ", "\t", "\u0001", "x"
  };

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void linesAreTheSameWhateverTheReadSizes(int seed) throws IOException {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    StringBuilder text = new StringBuilder(seed % 2 == 0 ? "\uFEFF" : "");
    int count = 50 + random.nextInt(200);
    String previousEnding = "";
    for (int i = 0; i < count; i++) {
      StringBuilder line = new StringBuilder();
      int length = random.nextInt(10) == 0 ? 20_000 + random.nextInt(30_000) : random.nextInt(40);
      while (line.length() < length) line.append(PIECES[random.nextInt(PIECES.length)]);
      lines.add(line.toString());
      text.append(line);
      // The last line may lack an ending, unless it is empty (then there is no line at all).
      boolean last = i == count - 1;
      if (!last || line.length() == 0 || random.nextBoolean()) {
        String ending = ENDINGS[random.nextInt(ENDINGS.length)];
        // CR then an empty line ending in LF is one CRLF: write the empty line's ending as CR.
        if (line.length() == 0 && previousEnding.equals("\r") && ending.equals("\n")) ending = "\r";
        text.append(ending);
        previousEnding = ending;
      }
    }

    LineReader reader =
        new LineReader(trickle(text.toString().getBytes(StandardCharsets.UTF_8), random));

    assertThat(readAll(reader))
        .containsExactlyElementsOf(lines.stream()
            .map(line -> new Line(line, line.chars().allMatch(c -> c < 0x80)))
            .toList());
  }

  @Test
  void aLongAsciiLineGrowsTheBufferAndStaysAscii() throws IOException {
    String audio = "data: " + "A".repeat(100_000);
    assertThat(read(audio + "\nnext\n", 700))
        .containsExactly(new Line(audio, true), new Line("next", true));
  }

  @Test
  void controlsOtherThanLineEndsStayInAnAsciiLine() throws IOException {
    String line = "data: a\0b\u000Bc\u000Cd\u000Ee\u007Ff\tg\u0001h";
    assertThat(read(line + "\r\n" + line + "\n", 8192))
        .containsExactly(new Line(line, true), new Line(line, true));
  }

  /** Every offset of a line end, a control and a non-ASCII byte against the word and vector blocks. */
  @Test
  void lineEndsAreFoundAtEveryOffset() throws IOException {
    for (int k = 0; k <= 80; k++) {
      String plain = "a".repeat(k);
      assertThat(read(plain + "\n", 8192)).as("k=%d", k).containsExactly(new Line(plain, true));
      assertThat(read(plain + "\tb\r\nc", 8192))
          .as("k=%d", k)
          .containsExactly(new Line(plain + "\tb", true), new Line("c", true));
      for (int j = 0; j <= 40; j++) {
        String accented = plain + "é" + "a".repeat(j);
        assertThat(read(accented + "\rz" + plain + "\n", 8192))
            .as("k=%d j=%d", k, j)
            .containsExactly(new Line(accented, false), new Line("z" + plain, true));
      }
    }
  }

  @Test
  void aLineEndOnTheLastByteOfAFullBuffer() throws IOException {
    // Okio reads 8 KiB at a time: four reads fill the 32 KiB buffer exactly.
    String line = "a".repeat(32 * 1024 - 1);
    assertThat(read(line + "\nb\n", 8192))
        .containsExactly(new Line(line, true), new Line("b", true));
  }

  @Test
  void asciiAndNonAsciiLinesInOneRead() throws IOException {
    assertThat(read("é\nabc\né\nabc\na\tb é\nend\n", 8192))
        .containsExactly(
            new Line("é", false),
            new Line("abc", true),
            new Line("é", false),
            new Line("abc", true),
            new Line("a\tb é", false),
            new Line("end", true));
  }

  @Test
  void aReaderOnTheSameThreadReusesTheBuffersOfAClosedOne() throws IOException {
    LineReader first = new LineReader(new Buffer().writeUtf8("x".repeat(1000) + "\n"));
    assertThat(first.readLine()).isEqualTo("x".repeat(1000));
    first.close();
    // The spare's marks still hold the first stream's bytes: none of them may be trusted.
    assertThat(read("y".repeat(500) + "\r\nz\n", 8192))
        .containsExactly(new Line("y".repeat(500), true), new Line("z", true));
  }

  private record Line(String text, boolean ascii) {}

  /** The lines of {@code text}, handed to the reader in reads of at most {@code readSize} bytes. */
  private static List<Line> read(String text, int readSize) throws IOException {
    return readAll(new LineReader(source(text.getBytes(StandardCharsets.UTF_8), () -> readSize)));
  }

  /** Every line of {@code reader}, which it closes. */
  private static List<Line> readAll(LineReader reader) throws IOException {
    List<Line> lines = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine())
      lines.add(new Line(line, reader.lineAscii()));
    reader.close();
    return lines;
  }

  /** A source that hands out its bytes in reads of 1 to 700 bytes. */
  private static BufferedSource trickle(byte[] bytes, Random random) {
    return source(bytes, () -> 1 + random.nextInt(700));
  }

  /** A source that hands out its bytes in reads of at most {@code readSize} bytes each. */
  private static BufferedSource source(byte[] bytes, IntSupplier readSize) {
    Buffer all = new Buffer().write(bytes);
    return Okio.buffer(new Source() {
      @Override
      public long read(Buffer sink, long byteCount) {
        if (all.size() == 0) return -1;
        long n = Math.min(Math.min(byteCount, all.size()), readSize.getAsInt());
        sink.write(all, n);
        return n;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    });
  }
}
