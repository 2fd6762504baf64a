package ai.cartesia.core.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a WAV file's header up to its {@code data} chunk: the {@code fmt } chunk gives the
 * format, other chunks ({@code LIST}, {@code fact}, ...) are skipped, and the stream is left at
 * the first byte of audio.
 */
final class WavReader {

  /** A data length of all ones: a writer that streamed the file did not know it. */
  private static final long UNKNOWN_LENGTH = 0xFFFFFFFFL;

  private WavReader() {}

  static WavAudio read(InputStream in, String source) {
    try {
      ByteBuffer riff = little(in.readNBytes(12));
      if (riff.limit() < 12
          || !fourCc(riff, 0).equals("RIFF")
          || !fourCc(riff, 8).equals("WAVE")) {
        throw notWav(source, "it does not start with RIFF....WAVE");
      }
      ByteBuffer format = null;
      while (true) {
        ByteBuffer chunk = little(in.readNBytes(8));
        if (chunk.limit() < 8) throw notWav(source, "it ends before its data chunk");
        String id = fourCc(chunk, 0);
        long length = Integer.toUnsignedLong(chunk.getInt(4));
        if (id.equals("data")) {
          if (format == null) throw notWav(source, "its data chunk comes before any fmt chunk");
          return audio(format, source, in, length == UNKNOWN_LENGTH ? -1 : length);
        }
        if (id.equals("fmt ")) {
          if (length < 16 || length > 1024)
            throw notWav(source, "its fmt chunk is " + length + " bytes long");
          format = little(readExactly(in, (int) length, source));
          skip(in, length % 2, source);
        } else {
          skip(in, length + length % 2, source); // chunks are padded to an even length
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the WAV header of " + source + ": " + e.getMessage(), e);
    }
  }

  private static WavAudio audio(ByteBuffer format, String source, InputStream in, long dataLength) {
    int tag = Short.toUnsignedInt(format.getShort(0));
    int channels = Short.toUnsignedInt(format.getShort(2));
    int sampleRate = format.getInt(4);
    int bits = Short.toUnsignedInt(format.getShort(14));
    if (tag == WavHeader.FORMAT_EXTENSIBLE && format.limit() >= 26) {
      tag = Short.toUnsignedInt(
          format.getShort(24)); // the sub-format GUID starts with the format tag
    }
    WavFile.Encoding encoding = encoding(tag, bits);
    if (encoding == null) {
      throw notWav(
          source,
          "its format (tag " + tag + ", " + bits
              + " bits a sample) is none of 16-bit PCM, 32-bit float," + " 8-bit mu-law or A-law");
    }
    if (channels == 0 || sampleRate <= 0)
      throw notWav(source, "it has " + channels + " channels at " + sampleRate + " Hz");
    return new WavAudio(encoding, sampleRate, channels, dataLength, in);
  }

  private static WavFile.Encoding encoding(int tag, int bits) {
    for (WavFile.Encoding encoding : WavFile.Encoding.values()) {
      if (encoding.formatTag == tag && encoding.bitsPerSample() == bits) return encoding;
    }
    return null;
  }

  private static byte[] readExactly(InputStream in, int length, String source) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) throw notWav(source, "it ends inside its header");
    return bytes;
  }

  private static void skip(InputStream in, long length, String source) throws IOException {
    try {
      in.skipNBytes(length);
    } catch (EOFException e) {
      throw notWav(source, "it ends before its data chunk");
    }
  }

  private static ByteBuffer little(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static String fourCc(ByteBuffer buffer, int at) {
    return new String(buffer.array(), at, 4, StandardCharsets.US_ASCII);
  }

  private static IllegalArgumentException notWav(String source, String why) {
    return new IllegalArgumentException(
        source + " is not a WAV file Cartesia audio can come from: " + why);
  }
}
