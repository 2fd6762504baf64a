package ai.cartesia;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
  private final Map<String, Object> kept = new ConcurrentHashMap<>();

  /** The block itself. */
  public abstract void example() throws Exception;

  /** Records the audio, for the run's checks. */
  protected void play(byte[] audio) {
    played.add(audio.clone());
  }

  /** Called by lines the runner appends to a block, so that its check can see the block's variables. */
  protected void keep(String name, Object value) {
    kept.put(name, value);
  }

  /** The value of the block's variable {@code name}, as it was when the block ended. */
  @SuppressWarnings("unchecked")
  final <T> T kept(String name) {
    Object value = kept.get(name);
    if (value == null) throw new AssertionError("the block did not end with its variable " + name);
    return (T) value;
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
