package ai.cartesia.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A manifest entry that names nothing is reported, so the lists stay true. */
class CorpusManifestTest {

  @Test
  void listingsOfFilesThatAreNotDocumentsAreReported() {
    CorpusManifest.Package pkg = new CorpusManifest.Package(
        "p",
        "1.0.0",
        "0",
        List.of("package/**"),
        Map.of("package/a.json", "broken", "package/gone.json", "renamed since"),
        Map.of("package/b.yaml", "a gap"),
        Map.of("package/old.json", Map.of("#/x", "faulty")));

    assertThat(pkg.listingsOfNoDocument(Set.of("package/a.json", "package/b.yaml")))
        .containsExactly("faultyExamples: package/old.json", "invalid: package/gone.json");
    assertThat(pkg.listingsOfNoDocument(
            Set.of("package/a.json", "package/b.yaml", "package/gone.json", "package/old.json")))
        .isEmpty();
  }

  @Test
  void aFaultyExampleTheDocumentDoesNotHaveIsReported() {
    CorpusRunner.Examples examples = CorpusRunner.Examples.of(
        List.of(), Map.of("#/components/schemas/Pet/example", "faulty"), schemas -> {
          throw new AssertionError("nothing to validate");
        });

    assertThat(examples.listedButAbsent()).containsExactly("#/components/schemas/Pet/example");
  }
}
