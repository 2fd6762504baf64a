package ai.cartesia.generator.emit;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes generated files under a source root, and removes files an earlier generation wrote that
 * this one no longer makes (a schema that left the spec must not leave its class behind).
 * Hand-written files, which lack the generated marker, are never touched.
 */
public final class GeneratedFiles {

  private GeneratedFiles() {}

  /** Writes the files and returns their paths, relative to the root, sorted. */
  public static List<Path> write(List<JavaFile> files, Path root) throws IOException {
    Set<Path> written = new TreeSet<>();
    for (JavaFile file : files) {
      Path path = root.resolve(relativePath(file));
      Files.createDirectories(path.getParent());
      byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
      if (!Files.exists(path) || !java.util.Arrays.equals(Files.readAllBytes(path), bytes)) {
        Files.write(path, bytes);
      }
      written.add(path);
    }
    removeStale(root, files, written);
    List<Path> relative = new ArrayList<>();
    for (Path path : written) relative.add(root.relativize(path));
    return relative;
  }

  /** Where the file of a type goes: its package as folders, its name with {@code .java}. */
  public static Path relativePath(JavaFile file) {
    String folder = file.packageName().replace('.', '/');
    return Path.of(folder.isEmpty() ? "" : folder, file.typeSpec().name() + ".java");
  }

  private static void removeStale(Path root, List<JavaFile> files, Set<Path> written) throws IOException {
    Set<Path> folders = new TreeSet<>();
    for (JavaFile file : files) folders.add(root.resolve(relativePath(file)).getParent());
    for (Path folder : folders) {
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path entry : entries.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
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
