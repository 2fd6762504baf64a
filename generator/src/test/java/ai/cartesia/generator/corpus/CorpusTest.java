package ai.cartesia.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The corpus step ({@code mvn -Pcorpus}, its own step of {@code .ci/run}): every document of the
 * manifest generates and compiles, except those the manifest lists as invalid (which must be
 * refused) or as known gaps. The only test that reaches past loopback: it fetches the pinned
 * tarballs from the npm registry, once, into {@code ~/.cache/cartesia-corpus}.
 */
class CorpusTest {

  /** -Dcorpus.manifest=FILE runs another list, such as a single package while fixing it. */
  private static final Path MANIFEST =
      Path.of(System.getProperty("corpus.manifest", "src/corpus/manifest.json"));

  private static final Path WORK = Path.of("target", "corpus");
  private static final Path CACHE = Path.of(System.getProperty(
      "corpus.cache", System.getProperty("user.home") + "/.cache/cartesia-corpus"));

  @Test
  void everyDocumentGeneratesAndCompilesUnlessTheManifestSaysWhy() throws Exception {
    Files.createDirectories(WORK);
    Path report = WORK.resolve("report.md");
    List<CorpusRunner.Outcome> outcomes;
    try (PrintStream file =
        new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
      PrintStream both = new Tee(System.out, file);
      outcomes = new CorpusRunner(WORK, CACHE, both).run(CorpusManifest.read(MANIFEST));
    }
    Files.write(WORK.resolve("examples.md"), CorpusRunner.exampleDetails(outcomes));

    assertThat(outcomes).as("documents in the manifest").isNotEmpty();
    assertThat(outcomes)
        .filteredOn(o -> o.status() == CorpusRunner.Status.FAILED)
        .as("documents that failed without the manifest saying why (see " + report + ")")
        .isEmpty();
  }

  /** Prints to the console and to the report file at once. */
  private static final class Tee extends PrintStream {
    private final PrintStream second;

    Tee(PrintStream first, PrintStream second) {
      super(first, true, StandardCharsets.UTF_8);
      this.second = second;
    }

    @Override
    public void println(String line) {
      super.println(line);
      second.println(line);
    }
  }
}
