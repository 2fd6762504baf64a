package ai.cartesia.generator.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code src/corpus/manifest.json}: the pinned packages and which of their files are documents. */
record CorpusManifest(String about, List<Package> packages) {

  /**
   * @param documents globs over the tarball's paths
   * @param invalid documents the OpenAPI specification rejects, with the reason
   * @param known documents that fail today for a gap of the generator, with the cause
   * @param faultyExamples by document, examples that contradict the specification in a way the
   *     schema validator does not see (by pointer, with the reason): not held against the
   *     generator, and reported if they come back equal after all
   */
  record Package(
      String name,
      String version,
      String sha256,
      List<String> documents,
      Map<String, String> invalid,
      Map<String, String> known,
      Map<String, Map<String, String>> faultyExamples) {

    Package {
      invalid = invalid == null ? Map.of() : Map.copyOf(invalid);
      known = known == null ? Map.of() : Map.copyOf(known);
      faultyExamples = faultyExamples == null ? Map.of() : Map.copyOf(faultyExamples);
    }

    /**
     * The entries of {@code invalid}, {@code known} and {@code faultyExamples} that name none of
     * the package's {@code documents}, as {@code "key: path"}: a stale list says nothing true.
     */
    List<String> listingsOfNoDocument(Set<String> documents) {
      List<String> stale = new ArrayList<>();
      Map<String, Set<String>> lists = new TreeMap<>(Map.of(
          "invalid", invalid.keySet(),
          "known", known.keySet(),
          "faultyExamples", faultyExamples.keySet()));
      lists.forEach((list, paths) -> paths.stream()
          .filter(path -> !documents.contains(path))
          .sorted()
          .forEach(path -> stale.add(list + ": " + path)));
      return stale;
    }

    boolean isDocument(String path) {
      if (!(path.endsWith(".json") || path.endsWith(".yaml") || path.endsWith(".yml")))
        return false;
      for (String glob : documents) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        if (matcher.matches(Path.of(path))) return true;
      }
      return false;
    }
  }

  static CorpusManifest read(Path file) throws IOException {
    return new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .readValue(file.toFile(), CorpusManifest.class);
  }
}
