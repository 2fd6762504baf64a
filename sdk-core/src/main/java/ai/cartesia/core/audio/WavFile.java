package ai.cartesia.core.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * WAV files for Cartesia audio: wraps raw audio (as TTS streams send it) in a WAV file that
 * players open, and opens WAV files to stream their audio (as STT takes it). The RIFF header is
 * written and read here, by hand, so none of this needs {@code javax.sound} (the {@code
 * java.desktop} module, absent on Android and in slim runtimes).
 */
public final class WavFile {

  /** The raw encodings a WAV file can carry, as Cartesia names them. */
  public enum Encoding {
    /** Signed 16-bit little-endian PCM (WAV format tag 1). */
    PCM_S16LE(WavHeader.FORMAT_PCM, 16),
    /** 32-bit little-endian IEEE float PCM (WAV format tag 3). */
    PCM_F32LE(WavHeader.FORMAT_IEEE_FLOAT, 32),
    /** 8-bit G.711 mu-law (WAV format tag 7). */
    PCM_MULAW(WavHeader.FORMAT_MULAW, 8),
    /** 8-bit G.711 A-law (WAV format tag 6). */
    PCM_ALAW(WavHeader.FORMAT_ALAW, 8);

    final int formatTag;
    private final int bitsPerSample;

    Encoding(int formatTag, int bitsPerSample) {
      this.formatTag = formatTag;
      this.bitsPerSample = bitsPerSample;
    }

    /** The encoding named as on the wire ({@code pcm_s16le}, {@code pcm_f32le}, {@code pcm_mulaw}, {@code pcm_alaw}). */
    public static Encoding of(String wireName) {
      return valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    /** The name on the wire, such as {@code pcm_s16le}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public int bytesPerSample() {
      return bitsPerSample / 8;
    }

    int bitsPerSample() {
      return bitsPerSample;
    }
  }

  private WavFile() {}

  /** Writes {@code audio} as a WAV file to {@code out}; {@code out} is left open. */
  public static void write(
      byte[] audio, Encoding encoding, int sampleRate, int channels, OutputStream out) {
    int frameSize = encoding.bytesPerSample() * channels;
    if (audio.length % frameSize != 0) {
      throw new IllegalArgumentException(audio.length + " bytes are not a whole number of "
          + frameSize + "-byte frames of " + encoding + " with " + channels + " channel(s)");
    }
    try {
      out.write(WavHeader.of(encoding, sampleRate, channels, audio.length));
      out.write(audio);
      if (audio.length % 2 != 0) out.write(0); // RIFF chunks are padded to an even length
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + encoding + " audio as WAV: " + e.getMessage(), e);
    }
  }

  /** The bytes of a WAV file holding {@code audio}. */
  public static byte[] of(byte[] audio, Encoding encoding, int sampleRate, int channels) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(audio.length + WavHeader.MAX_LENGTH + 1);
    write(audio, encoding, sampleRate, channels, out);
    return out.toByteArray();
  }

  /** Writes {@code audio} as a WAV file at {@code file}, replacing it. */
  public static void write(
      byte[] audio, Encoding encoding, int sampleRate, int channels, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(audio, encoding, sampleRate, channels, out);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the WAV file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the WAV file at {@code file}: its format, and its audio as a stream read from disk as
   * it is consumed. Close the result to close the file.
   *
   * @throws IllegalArgumentException if the file is not a WAV file of one of the {@link Encoding}s
   */
  public static WavAudio open(Path file) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the WAV file " + file + ": " + e.getMessage(), e);
    }
    try {
      return WavReader.read(in, file.toString());
    } catch (RuntimeException e) {
      closeQuietly(in, e);
      throw e;
    }
  }

  /**
   * Reads the header of the WAV file that {@code in} holds and returns its format, and its audio
   * as a stream that reads on from {@code in}. Closing the result closes {@code in}.
   *
   * @throws IllegalArgumentException if {@code in} does not hold a WAV file of one of the {@link Encoding}s
   */
  public static WavAudio read(InputStream in) {
    return WavReader.read(in, "the stream");
  }

  private static void closeQuietly(InputStream in, RuntimeException failure) {
    try {
      in.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
