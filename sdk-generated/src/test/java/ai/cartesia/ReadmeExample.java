package ai.cartesia;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link ReadmeExamplesRunTest} wraps each README java block in: a subclass whose {@code
 * example()} is the block, with the {@code Cartesia client} and {@code play(byte[])} the README
 * promises. The block's relative file names ({@code Path.of("hello.mp3")}, {@code new
 * File("call.wav")}) are rewritten to {@link #workPath} and {@link #workFile}, which resolve them
 * in the run's own directory.
 */
public abstract class ReadmeExample {

  protected Cartesia client;
  private Path workDirectory;
  private final List<byte[]> played = Collections.synchronizedList(new ArrayList<>());

  /** The block itself. */
  public abstract void example() throws Exception;

  /** Records the audio, for the run's checks. */
  protected void play(byte[] audio) {
    played.add(audio.clone());
  }

  protected Path workPath(String first, String... more) {
    return workDirectory.resolve(Path.of(first, more));
  }

  protected File workFile(String name) {
    return workDirectory.resolve(name).toFile();
  }

  final void prepare(Cartesia client, Path workDirectory) {
    this.client = client;
    this.workDirectory = workDirectory;
  }

  /** Every array given to {@code play}, in order. */
  final List<byte[]> played() {
    synchronized (played) {
      return List.copyOf(played);
    }
  }
}
