package ai.cartesia.core.internal.ws;

import ai.cartesia.core.errors.SdkException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Streams raw audio to a {@link WebSocketSession} as speech-to-text sessions want it: binary frames
 * of a fixed size (such as 20 ms of audio), optionally paced in real time, then the text commands
 * that end the input (for Cartesia, {@code finalize} and {@code done}; the caller names them).
 * The session's messages then end when the server closes after its last message.
 */
public final class AudioUpload {

  /** Sending waits while more than this is queued, well below OkHttp's 16 MiB limit. */
  private static final long MAX_QUEUED_BYTES = 1 << 20;

  private AudioUpload() {}

  /** The bytes of {@code duration} of raw audio, such as 640 for 20 ms of 16 kHz 16-bit mono. */
  public static int chunkBytes(
      int sampleRate, int bytesPerSample, int channels, Duration duration) {
    long bytes =
        (long) sampleRate * bytesPerSample * channels * duration.toNanos() / 1_000_000_000L;
    long frame = (long) bytesPerSample * channels;
    long whole = bytes - bytes % frame;
    if (whole <= 0)
      throw new IllegalArgumentException(duration + " is shorter than one frame of audio");
    return Math.toIntExact(whole);
  }

  /**
   * Sends all of {@code audio} in chunks of {@code chunkBytes} (the last may be shorter), each
   * chunk no earlier than {@code pace} after the one before ({@link Duration#ZERO} for as fast as
   * the connection takes them), then each of {@code thenCommands} as a text frame. Blocks until
   * everything is queued; does not close {@code audio}.
   *
   * @return how many bytes of audio were sent
   */
  public static long send(
      WebSocketSession<?, ?> session,
      InputStream audio,
      int chunkBytes,
      Duration pace,
      List<String> thenCommands) {
    if (chunkBytes <= 0) throw new IllegalArgumentException("chunkBytes must be positive");
    byte[] chunk = new byte[chunkBytes];
    long sent = 0;
    long start = System.nanoTime();
    try {
      for (int chunks = 0; ; chunks++) {
        int read = audio.readNBytes(chunk, 0, chunkBytes);
        if (read == 0) break;
        waitUntil(start + pace.toNanos() * chunks);
        waitForRoom(session);
        session.sendBinary(chunk, 0, read);
        sent += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audio to send: " + e.getMessage(), e);
    }
    thenCommands.forEach(session::sendText);
    return sent;
  }

  /** As {@link #send(WebSocketSession, InputStream, int, Duration, List)}, reading a file of raw audio. */
  public static long send(
      WebSocketSession<?, ?> session,
      Path rawAudio,
      int chunkBytes,
      Duration pace,
      List<String> thenCommands) {
    try (InputStream in = Files.newInputStream(rawAudio)) {
      return send(session, in, chunkBytes, pace, thenCommands);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + rawAudio + ": " + e.getMessage(), e);
    }
  }

  private static void waitForRoom(WebSocketSession<?, ?> session) {
    while (session.queuedBytes() > MAX_QUEUED_BYTES && !session.messages().isEnded()) {
      sleepNanos(5_000_000L);
    }
  }

  private static void waitUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) sleepNanos(wait);
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SdkException("interrupted while sending audio", e);
    }
  }
}
