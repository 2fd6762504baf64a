package ai.cartesia.generator.emit;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes generated files under a source root, and removes files an earlier generation wrote that
 * this one no longer makes (a schema that left the spec must not leave its class behind).
 * Hand-written files, which lack the generated marker, are never touched.
 */
public final class GeneratedFiles {

  private GeneratedFiles() {}

  /** Writes the files (their text by path under the root) and returns their paths, sorted. */
  public static List<Path> write(SortedMap<Path, String> sources, Path root) throws IOException {
    for (var source : sources.entrySet()) write(root, source.getKey(), source.getValue());
    removeStale(root, sources.keySet());
    return sources.keySet().stream().toList();
  }

  /**
   * Writes one file's text at its path under the root, unless the file already holds exactly that
   * (an unchanged file keeps its timestamp, so incremental builds do not recompile it). Safe to
   * call from several threads for different paths.
   */
  public static void write(Path root, Path relativePath, String text) throws IOException {
    Path path = root.resolve(relativePath);
    Files.createDirectories(path.getParent());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (!Files.exists(path) || !java.util.Arrays.equals(Files.readAllBytes(path), bytes)) {
      Files.write(path, bytes);
    }
  }

  /**
   * Removes the generated files in the folders written to that are not among the paths (relative
   * to the root) this generation wrote.
   */
  public static void removeStale(Path root, Collection<Path> relativePaths) throws IOException {
    Set<Path> written = new TreeSet<>();
    for (Path relative : relativePaths) written.add(root.resolve(relative));
    removeStale(written);
  }

  /** Each thread's text buffer, kept from file to file so that rendering does not regrow it. */
  private static final ThreadLocal<StringBuilder> BUFFER =
      ThreadLocal.withInitial(() -> new StringBuilder(64 * 1024));

  /** The source text of a file, as {@link JavaFile#toString()} gives it. */
  public static String render(JavaFile file) {
    StringBuilder text = BUFFER.get();
    text.setLength(0);
    try {
      file.writeTo(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return text.toString();
  }

  /** Where the file of a type goes: its package as folders, its name with {@code .java}. */
  public static Path relativePath(JavaFile file) {
    String folder = file.packageName().replace('.', '/');
    return Path.of(folder.isEmpty() ? "" : folder, file.typeSpec().name() + ".java");
  }

  private static void removeStale(Set<Path> written) throws IOException {
    Set<Path> folders = new TreeSet<>();
    for (Path path : written) folders.add(path.getParent());
    for (Path folder : folders) {
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path entry :
            entries.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          if (!written.contains(entry) && isGenerated(entry)) Files.delete(entry);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  private static boolean isGenerated(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.limit(3).anyMatch(line -> line.contains(JavaEmitter.MARKER));
    }
  }
}
