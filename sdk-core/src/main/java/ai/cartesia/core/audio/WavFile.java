package ai.cartesia.core.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Wraps raw audio (as TTS streams send it) in a WAV file that players open. The header is written
 * by the JDK's own {@code javax.sound.sampled} WAV writer, which knows the format tags of each
 * encoding (PCM 1, IEEE float 3, A-law 6, mu-law 7); it needs the {@code java.desktop} module.
 */
public final class WavFile {

  /** The raw encodings a WAV file can carry, as Cartesia names them. */
  public enum Encoding {
    /** Signed 16-bit little-endian PCM. */
    PCM_S16LE(AudioFormat.Encoding.PCM_SIGNED, 16),
    /** 32-bit little-endian IEEE float PCM. */
    PCM_F32LE(AudioFormat.Encoding.PCM_FLOAT, 32),
    /** 8-bit G.711 mu-law. */
    PCM_MULAW(AudioFormat.Encoding.ULAW, 8),
    /** 8-bit G.711 A-law. */
    PCM_ALAW(AudioFormat.Encoding.ALAW, 8);

    private final AudioFormat.Encoding javaEncoding;
    private final int bitsPerSample;

    Encoding(AudioFormat.Encoding javaEncoding, int bitsPerSample) {
      this.javaEncoding = javaEncoding;
      this.bitsPerSample = bitsPerSample;
    }

    /** The encoding named as on the wire ({@code pcm_s16le}, {@code pcm_f32le}, {@code pcm_mulaw}, {@code pcm_alaw}). */
    public static Encoding of(String wireName) {
      return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
    }

    public int bytesPerSample() {
      return bitsPerSample / 8;
    }
  }

  private WavFile() {}

  /** Writes {@code audio} as a WAV file to {@code out}; {@code out} is left open. */
  public static void write(byte[] audio, Encoding encoding, int sampleRate, int channels, OutputStream out) {
    int frameSize = encoding.bytesPerSample() * channels;
    if (audio.length % frameSize != 0) {
      throw new IllegalArgumentException(audio.length + " bytes are not a whole number of " + frameSize
          + "-byte frames of " + encoding + " with " + channels + " channel(s)");
    }
    AudioFormat format = new AudioFormat(encoding.javaEncoding, sampleRate, encoding.bitsPerSample, channels,
        frameSize, sampleRate, false);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(audio), format, audio.length / frameSize)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + encoding + " audio as WAV: " + e.getMessage(), e);
    }
  }

  /** The bytes of a WAV file holding {@code audio}. */
  public static byte[] of(byte[] audio, Encoding encoding, int sampleRate, int channels) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(audio.length + 64);
    write(audio, encoding, sampleRate, channels, out);
    return out.toByteArray();
  }

  /** Writes {@code audio} as a WAV file at {@code file}, replacing it. */
  public static void write(byte[] audio, Encoding encoding, int sampleRate, int channels, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(audio, encoding, sampleRate, channels, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the WAV file " + file + ": " + e.getMessage(), e);
    }
  }
}
