package ai.cartesia.generator.corpus;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.check.CompileCheck;
import ai.cartesia.generator.check.ExampleRoundTrip;
import ai.cartesia.generator.read.SpecException;
import ai.cartesia.generator.read.SpecProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the corpus: each document of each pinned package read, generated, compiled (classes
 * written, so its examples can be read into them) and its examples round-tripped; one line per
 * document and a closing summary.
 */
final class CorpusRunner {

  static final String PACKAGE = "com.example.corpus";

  /** How one document went. */
  enum Status {
    PASSED,
    /** Invalid by the specification, and refused: as it should be. */
    REFUSED,
    /** A known gap of the generator, listed in the manifest. */
    KNOWN,
    /** Listed as a known gap, yet it passes: it can leave the list. */
    FIXED,
    FAILED
  }

  record Outcome(
      String document,
      Status status,
      boolean generated,
      boolean compiled,
      int examplesEqual,
      int examplesGiven,
      int warnings,
      double seconds,
      int files,
      String note) {}

  /** How many of a document's examples came back equal, and a few of the others to show why. */
  record Examples(int given, int equal, List<String> mismatches) {
    private static final int SHOWN = 3;

    static Examples of(List<ExampleRoundTrip.Result> results) {
      List<String> others = results.stream()
          .filter(result -> !result.equal())
          .limit(SHOWN)
          .map(ExampleRoundTrip.Result::describe)
          .toList();
      int equal = (int) results.stream().filter(ExampleRoundTrip.Result::equal).count();
      return new Examples(results.size(), equal, others);
    }
  }

  private final Path work;
  private final NpmTarballs tarballs;
  private final PrintStream log;

  CorpusRunner(Path work, Path cache, PrintStream log) {
    this.work = work;
    this.tarballs = new NpmTarballs(cache);
    this.log = log;
  }

  List<Outcome> run(CorpusManifest manifest) throws IOException, InterruptedException {
    List<Outcome> outcomes = new ArrayList<>();
    log.println(header());
    for (CorpusManifest.Package pkg : manifest.packages()) {
      Path tarball = tarballs.fetch(pkg.name(), pkg.version(), pkg.sha256());
      Path folder = work.resolve(pkg.name().replace('/', '+') + "-" + pkg.version());
      for (var file : TarGz.files(tarball).entrySet()) {
        if (!pkg.isDocument(file.getKey())) continue;
        Path document = folder.resolve(file.getKey());
        Files.createDirectories(document.getParent());
        Files.write(document, file.getValue());
        String name = pkg.name() + "@" + pkg.version() + ":" + file.getKey();
        Outcome outcome =
            run(name, document, pkg.invalid().get(file.getKey()), pkg.known().get(file.getKey()));
        outcomes.add(outcome);
        log.println(row(outcome));
      }
    }
    log.println(summary(outcomes));
    return outcomes;
  }

  private Outcome run(String name, Path document, String invalidBecause, String knownBecause) {
    long start = System.nanoTime();
    Generator.Output output;
    try {
      output = Generator.generate(document, PACKAGE, null);
    } catch (SpecException e) {
      String note = e.problems().isEmpty()
          ? "refused"
          : e.problems().size() + " error(s), first: " + e.problems().get(0).format("");
      if (invalidBecause != null) {
        return outcome(name, Status.REFUSED, start, false, false, 0, 0, 0, 0, invalidBecause);
      }
      return failure(name, knownBecause, start, false, false, 0, 0, note);
    } catch (Throwable e) {
      // A crash, which the generator must never have: StackOverflowError, IllegalStateException...
      return failure(name, knownBecause, start, false, false, 0, 0, "crashed: " + describe(e));
    }
    int warnings = output.warnings().size();
    int files = output.sources().size();
    if (invalidBecause != null) {
      return outcome(
          name,
          Status.FAILED,
          start,
          true,
          false,
          0,
          0,
          warnings,
          files,
          "listed as invalid (" + invalidBecause + ") but it generates");
    }
    Path classes = work.resolve("classes").resolve(Integer.toHexString(name.hashCode()));
    List<SpecProblem> errors;
    try {
      deleteTree(classes);
      errors = CompileCheck.check(
          output, PACKAGE, CompileCheck.currentClassPath(), Optional.of(classes));
    } catch (Throwable e) {
      return failure(
          name,
          knownBecause,
          start,
          true,
          false,
          warnings,
          files,
          "compiler crashed: " + describe(e));
    }
    if (!errors.isEmpty()) {
      return failure(
          name,
          knownBecause,
          start,
          true,
          false,
          warnings,
          files,
          errors.size() + " compile error(s), first: " + errors.get(0).format(""));
    }
    Examples trip;
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, CorpusRunner.class.getClassLoader())) {
      trip = Examples.of(ExampleRoundTrip.check(
          ExampleRoundTrip.find(ExampleRoundTrip.readDocument(document), output.model()),
          loader,
          PACKAGE));
    } catch (Throwable e) {
      // The examples could not even be looked at: that is a failure, not a document without any.
      return failure(
          name, knownBecause, start, true, true, warnings, files, "examples: " + describe(e));
    }
    String note = trip.mismatches().isEmpty() ? "" : String.join(" | ", trip.mismatches());
    try {
      deleteTree(classes);
    } catch (IOException ignored) {
      // a leftover folder under target/ does no harm
    }
    Status status = knownBecause != null ? Status.FIXED : Status.PASSED;
    if (status == Status.FIXED) note = "listed as known (" + knownBecause + ") but passes. " + note;
    Outcome ok =
        outcome(name, status, start, true, true, trip.equal(), trip.given(), warnings, files, note);
    return ok;
  }

  private Outcome failure(
      String name,
      String knownBecause,
      long start,
      boolean generated,
      boolean compiled,
      int warnings,
      int files,
      String note) {
    Status status = knownBecause != null ? Status.KNOWN : Status.FAILED;
    return outcome(
        name,
        status,
        start,
        generated,
        compiled,
        0,
        0,
        warnings,
        files,
        knownBecause != null ? knownBecause + ": " + note : note);
  }

  private static Outcome outcome(
      String name,
      Status status,
      long start,
      boolean generated,
      boolean compiled,
      int equal,
      int given,
      int warnings,
      int files,
      String note) {
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Outcome(
        name, status, generated, compiled, equal, given, warnings, seconds, files, note);
  }

  static String header() {
    return "| document | status | generated | compiled | examples equal / given | warnings | seconds"
        + " | files | note |\n|---|---|---|---|---:|---:|---:|---:|---|";
  }

  static String row(Outcome o) {
    return "| " + o.document() + " | " + o.status() + " | " + yes(o.generated()) + " | "
        + yes(o.compiled()) + " | " + o.examplesEqual() + " / " + o.examplesGiven() + " | "
        + o.warnings() + " | " + String.format("%.1f", o.seconds()) + " | " + o.files() + " | "
        + o.note().replace("|", "\\|").replace("\n", " ") + " |";
  }

  static String summary(List<Outcome> outcomes) {
    long count = outcomes.size();
    long generated = outcomes.stream().filter(Outcome::generated).count();
    long compiled = outcomes.stream().filter(Outcome::compiled).count();
    int given = outcomes.stream().mapToInt(Outcome::examplesGiven).sum();
    int equal = outcomes.stream().mapToInt(Outcome::examplesEqual).sum();
    double seconds = outcomes.stream().mapToDouble(Outcome::seconds).sum();
    int files = outcomes.stream().mapToInt(Outcome::files).sum();
    int warnings = outcomes.stream().mapToInt(Outcome::warnings).sum();
    StringBuilder byStatus = new StringBuilder();
    for (Status status : Status.values()) {
      long n = outcomes.stream().filter(o -> o.status() == status).count();
      if (n > 0)
        byStatus.append(", ").append(n).append(' ').append(status.name().toLowerCase());
    }
    return String.format(
        "corpus: %d documents%s; %d generated, %d compiled; examples %d / %d equal (%s); %d"
            + " warnings; %d files; %.1f s",
        count,
        byStatus,
        generated,
        compiled,
        equal,
        given,
        given == 0 ? "none given" : String.format("%.1f %%", 100.0 * equal / given),
        warnings,
        files,
        seconds);
  }

  private static String yes(boolean value) {
    return value ? "yes" : "no";
  }

  private static String describe(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    String at = trace.length == 0 ? "" : " at " + trace[0];
    return e.getClass().getSimpleName() + ": " + e.getMessage() + at;
  }

  /** The document as a JSON tree; YAML past the parser's default 3 MB limit too. */
  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
    }
  }

  static Map<Status, Long> counts(List<Outcome> outcomes) {
    Map<Status, Long> counts = new java.util.EnumMap<>(Status.class);
    for (Outcome o : outcomes) counts.merge(o.status(), 1L, Long::sum);
    return counts;
  }
}
