package ai.cartesia.core.audio;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The audio of an opened WAV file ({@link WavFile#open}): its format, and its samples as a
 * stream that ends where the data chunk ends. Close it to close the file.
 */
public final class WavAudio implements Closeable {

  private final WavFile.Encoding encoding;
  private final int sampleRate;
  private final int channels;
  private final long dataLength;
  private final InputStream data;

  WavAudio(
      WavFile.Encoding encoding, int sampleRate, int channels, long dataLength, InputStream file) {
    this.encoding = encoding;
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.dataLength = dataLength;
    this.data = dataLength < 0 ? file : new Bounded(file, dataLength);
  }

  public WavFile.Encoding encoding() {
    return encoding;
  }

  /** Samples a second, per channel. */
  public int sampleRate() {
    return sampleRate;
  }

  public int channels() {
    return channels;
  }

  /** The length of the audio in bytes as the header gives it; -1 if the header does not say (a streamed file). */
  public long dataLength() {
    return dataLength;
  }

  /**
   * The raw samples, interleaved by channel, in {@link #encoding()}: what the STT WebSocket takes
   * with that encoding and {@link #sampleRate()}. Read once.
   */
  public InputStream stream() {
    return data;
  }

  @Override
  public void close() throws IOException {
    data.close();
  }

  @Override
  public String toString() {
    return "WavAudio{" + encoding.wireName() + ", " + sampleRate + " Hz, " + channels
        + " channel(s), " + (dataLength < 0 ? "length unknown" : dataLength + " bytes") + "}";
  }

  /** Ends after {@code remaining} bytes, so that chunks after the data chunk are not read as audio. */
  private static final class Bounded extends FilterInputStream {
    private long remaining;

    Bounded(InputStream in, long length) {
      super(in);
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) return -1;
      int b = in.read();
      if (b >= 0) remaining--;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (remaining <= 0) return -1;
      int n = in.read(buffer, offset, (int) Math.min(length, remaining));
      if (n > 0) remaining -= n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(Math.min(n, remaining));
      remaining -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), remaining);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
      // not supported: a reset would undo the count of what is left
    }

    @Override
    public synchronized void reset() throws IOException {
      throw new IOException("mark and reset are not supported");
    }
  }
}
