package ai.cartesia.core.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The RIFF header of a WAV file: {@code RIFF}/{@code WAVE}, a {@code fmt } chunk, for formats
 * other than integer PCM a {@code fact} chunk (the format specification asks for one there, with
 * the number of samples per channel), then the {@code data} chunk's own header.
 */
final class WavHeader {

  static final int FORMAT_PCM = 1;
  static final int FORMAT_IEEE_FLOAT = 3;
  static final int FORMAT_ALAW = 6;
  static final int FORMAT_MULAW = 7;
  static final int FORMAT_EXTENSIBLE = 0xFFFE;

  /** The longest header written: RIFF (12), fmt with cbSize (26), fact (12), data's header (8). */
  static final int MAX_LENGTH = 58;

  private WavHeader() {}

  /** The header of a WAV file whose data chunk holds {@code dataLength} bytes. */
  static byte[] of(WavFile.Encoding encoding, int sampleRate, int channels, long dataLength) {
    if (sampleRate <= 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "a WAV file needs a positive sample rate and channel count, not " + sampleRate
              + " Hz and " + channels + " channel(s)");
    }
    boolean integerPcm = encoding.formatTag == FORMAT_PCM;
    int fmtLength = integerPcm ? 16 : 18; // non-PCM formats carry a cbSize field, here 0
    int factLength = integerPcm ? 0 : 12;
    int blockAlign = encoding.bytesPerSample() * channels;
    long padded = dataLength + (dataLength % 2);
    long riffLength = 4 + (8 + fmtLength) + factLength + 8 + padded;
    if (riffLength > 0xFFFFFFFFL)
      throw new IllegalArgumentException("audio too long for a WAV file: " + dataLength + " bytes");

    ByteBuffer header =
        ByteBuffer.allocate(12 + 8 + fmtLength + factLength + 8).order(ByteOrder.LITTLE_ENDIAN);
    header.put(ascii("RIFF")).putInt((int) riffLength).put(ascii("WAVE"));
    header
        .put(ascii("fmt "))
        .putInt(fmtLength)
        .putShort((short) encoding.formatTag)
        .putShort((short) channels)
        .putInt(sampleRate)
        .putInt(sampleRate * blockAlign) // byte rate
        .putShort((short) blockAlign)
        .putShort((short) encoding.bitsPerSample());
    if (!integerPcm) {
      header.putShort((short) 0);
      header.put(ascii("fact")).putInt(4).putInt((int) (dataLength / blockAlign));
    }
    header.put(ascii("data")).putInt((int) dataLength);
    return header.array();
  }

  static byte[] ascii(String fourCc) {
    return fourCc.getBytes(StandardCharsets.US_ASCII);
  }
}
