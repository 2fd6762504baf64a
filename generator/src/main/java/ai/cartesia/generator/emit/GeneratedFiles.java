package ai.cartesia.generator.emit;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Set<Path> written = new TreeSet<>();
    for (var source : sources.entrySet()) {
      Path path = root.resolve(source.getKey());
      Files.createDirectories(path.getParent());
      byte[] bytes = source.getValue().getBytes(StandardCharsets.UTF_8);
      if (!Files.exists(path) || !java.util.Arrays.equals(Files.readAllBytes(path), bytes)) {
        Files.write(path, bytes);
      }
      written.add(path);
    }
    removeStale(written);
    return sources.keySet().stream().toList();
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
