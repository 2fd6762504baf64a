package ai.cartesia.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming write gives what the in-memory generation gives, and cleans up as it does. */
class WriteToTest {

  @TempDir
  Path temp;

  @Test
  void writesTheSameBytesAsTheInMemoryGeneration() throws Exception {
    Generator.Output inMemory = Generator.generate(Fixtures.CARTESIA_SPEC, "ai.cartesia", null);

    Generator.Written written =
        Generator.writeTo(Fixtures.CARTESIA_SPEC, temp, "ai.cartesia", null);

    assertThat(written.files()).containsExactlyElementsOf(inMemory.sources().keySet());
    assertThat(written.warnings()).isEqualTo(inMemory.warnings());
    Map<Path, String> onDisk = contents(temp);
    assertThat(onDisk.keySet()).isEqualTo(inMemory.sources().keySet());
    inMemory
        .sources()
        .forEach(
            (path, text) -> assertThat(onDisk.get(path)).as(path.toString()).isEqualTo(text));
  }

  @Test
  void removesStaleGeneratedFilesAndKeepsHandWrittenOnes() throws Exception {
    Path model = temp.resolve("ai/cartesia/model");
    Files.createDirectories(model);
    Path stale = model.resolve("Gone.java");
    Files.writeString(
        stale, "// " + ai.cartesia.generator.emit.JavaEmitter.MARKER + "\nclass Gone {}\n");
    Path handWritten = model.resolve("Mine.java");
    Files.writeString(handWritten, "package ai.cartesia.model;\nclass Mine {}\n");

    Generator.Written written =
        Generator.writeTo(Fixtures.CARTESIA_SPEC, temp, "ai.cartesia", null);

    assertThat(stale).doesNotExist();
    assertThat(handWritten).exists();
    assertThat(written.files()).isNotEmpty().isSorted();
  }

  private static Map<Path, String> contents(Path root) throws Exception {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList())
        files.put(root.relativize(file), Files.readString(file, StandardCharsets.UTF_8));
    }
    return files;
  }
}
