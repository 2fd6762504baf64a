package ai.cartesia.generator.corpus;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.check.CompileCheck;
import ai.cartesia.generator.check.ExampleRoundTrip;
import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.read.SpecException;
import ai.cartesia.generator.read.SpecProblem;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
      Examples examples,
      int warnings,
      double seconds,
      int files,
      String note) {}

  /**
   * How a document's examples went: how many came back equal, how many of the others the
   * document's own schema rejects (the document's fault, not the generator's), and every other
   * one, which is the generator's.
   */
  record Examples(
      int given,
      int equal,
      List<String> invalid,
      List<String> mismatches,
      List<String> listedButEqual,
      List<String> listedButAbsent) {
    static final Examples NONE = new Examples(0, 0, List.of(), List.of(), List.of(), List.of());

    /**
     * Sorts the examples that did not come back equal: those the manifest lists as faulty or the
     * document's schema rejects are the document's, the others the generator's. The validator is
     * made only if there are any: it costs a parse.
     */
    static Examples of(
        List<ExampleRoundTrip.Result> results,
        Map<String, String> faulty,
        Function<List<String>, SchemaValidator> validators) {
      List<String> listedButEqual = results.stream()
          .filter(
              result -> result.equal() && faulty.containsKey(result.example().pointer()))
          .map(result -> result.example().pointer())
          .toList();
      Set<String> given =
          results.stream().map(result -> result.example().pointer()).collect(Collectors.toSet());
      List<String> listedButAbsent = faulty.keySet().stream()
          .filter(pointer -> !given.contains(pointer))
          .sorted()
          .toList();
      List<ExampleRoundTrip.Result> others =
          results.stream().filter(result -> !result.equal()).toList();
      int equal = results.size() - others.size();
      if (others.isEmpty()) {
        return new Examples(
            results.size(), equal, List.of(), List.of(), listedButEqual, listedButAbsent);
      }
      SchemaValidator validator = validators.apply(
          others.stream().map(result -> result.example().schema()).distinct().toList());
      List<String> invalid = new ArrayList<>();
      List<String> mismatches = new ArrayList<>();
      for (ExampleRoundTrip.Result result : others) {
        ExampleRoundTrip.Example example = result.example();
        String listed = faulty.get(example.pointer());
        Optional<String> problem = listed != null
            ? Optional.of("listed in the manifest: " + listed)
            : excuse(result, validator);
        if (problem.isPresent()) {
          invalid.add(
              result.describe() + "; invalid against " + example.schema() + ": " + problem.get());
        } else {
          mismatches.add(result.describe());
        }
      }
      return new Examples(
          results.size(),
          equal,
          List.copyOf(invalid),
          List.copyOf(mismatches),
          listedButEqual,
          listedButAbsent);
    }
  }

  /**
   * The schema's reason when the example's own invalidity explains the result: the generated
   * class refused it, or it came back different where the schema rejects it. A missing class,
   * or JSON written that does not read back equal, is the generator's whatever the example is.
   */
  static Optional<String> excuse(ExampleRoundTrip.Result result, SchemaValidator validator) {
    String detail = result.detail();
    if (detail.startsWith("no generated class") || detail.startsWith("what was written")) {
      return Optional.empty();
    }
    List<SchemaValidator.Problem> problems =
        validator.problems(result.example().schema(), result.example().json());
    if (result.outcome() == ExampleRoundTrip.Outcome.DIFFERENT) {
      // The difference is at "/a/b: ..." (or "/: ..."): the schema must reject that place, or a
      // place around or inside it.
      String at = detail.substring(0, Math.max(0, detail.indexOf(':')));
      String place = at.equals("/") ? "" : at;
      problems = problems.stream()
          .filter(p -> within(place, p.at()) || within(p.at(), place))
          .toList();
    }
    return problems.stream().findFirst().map(SchemaValidator.Problem::describe);
  }

  /** Whether the JSON pointer {@code inner} is {@code outer} or inside it. */
  private static boolean within(String inner, String outer) {
    return inner.equals(outer) || inner.startsWith(outer + "/");
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
      Set<String> documents = new HashSet<>();
      for (var file : TarGz.files(tarball).entrySet()) {
        if (!pkg.isDocument(file.getKey())) continue;
        documents.add(file.getKey());
        Path document = folder.resolve(file.getKey());
        Files.createDirectories(document.getParent());
        Files.write(document, file.getValue());
        String name = pkg.name() + "@" + pkg.version() + ":" + file.getKey();
        Outcome outcome = run(
            name,
            document,
            pkg.invalid().get(file.getKey()),
            pkg.known().get(file.getKey()),
            pkg.faultyExamples().getOrDefault(file.getKey(), Map.of()));
        outcomes.add(outcome);
        log.println(row(outcome));
      }
      List<String> stale = pkg.listingsOfNoDocument(documents);
      if (!stale.isEmpty()) {
        throw new IllegalStateException("the manifest lists files that are not documents of "
            + pkg.name() + "@" + pkg.version() + ": " + stale);
      }
    }
    log.println(summary(outcomes));
    return outcomes;
  }

  private Outcome run(
      String name,
      Path document,
      String invalidBecause,
      String knownBecause,
      Map<String, String> faultyExamples) {
    Attempt attempt = new Attempt(name, knownBecause);
    Path classes = work.resolve("classes").resolve(Integer.toHexString(name.hashCode()));
    try {
      ApiModel model = generateAndCompile(attempt, document, invalidBecause, classes);
      if (model == null) return attempt.outcome;
      try (URLClassLoader loader = new URLClassLoader(
          new URL[] {classes.toUri().toURL()}, CorpusRunner.class.getClassLoader())) {
        JsonNode tree = ExampleRoundTrip.readDocument(document);
        List<ExampleRoundTrip.Result> results =
            ExampleRoundTrip.check(ExampleRoundTrip.find(tree, model), loader, PACKAGE);
        attempt.examples =
            Examples.of(results, faultyExamples, schemas -> new SchemaValidator(tree, schemas));
      } catch (Throwable e) {
        // The examples could not even be looked at: a failure, not a document without any.
        return attempt.failed("examples: " + describe(e));
      }
    } finally {
      deleteQuietly(classes);
    }
    List<String> absent = attempt.examples.listedButAbsent();
    if (!absent.isEmpty()) {
      return attempt.failed(
          "listed as a faulty example but the document has none there: " + absent);
    }
    List<String> equalAfterAll = attempt.examples.listedButEqual();
    if (!equalAfterAll.isEmpty()) {
      return attempt.failed("listed as a faulty example but comes back equal: " + equalAfterAll);
    }
    List<String> mismatches = attempt.examples.mismatches();
    if (!mismatches.isEmpty()) {
      return attempt.failed(mismatches.size() + " example(s) valid against their schema but not"
          + " written back equal, first: " + mismatches.get(0));
    }
    if (knownBecause != null) {
      return attempt.end(Status.FIXED, "listed as known (" + knownBecause + ") but passes");
    }
    return attempt.end(Status.PASSED, "");
  }

  /**
   * Generates the document and compiles it into {@code classes}; the model, or null when the
   * attempt ended here. The generated sources are not kept past this method: a large document's
   * would crowd the heap its examples need.
   */
  private static ApiModel generateAndCompile(
      Attempt attempt, Path document, String invalidBecause, Path classes) {
    Generator.Output output;
    try {
      output = Generator.generate(document, PACKAGE, null);
    } catch (SpecException e) {
      if (invalidBecause != null) attempt.end(Status.REFUSED, invalidBecause);
      else
        attempt.failed(
            e.problems().isEmpty()
                ? "refused"
                : e.problems().size() + " error(s), first: "
                    + e.problems().get(0).format(""));
      return null;
    } catch (Throwable e) {
      // A crash, which the generator must never have: StackOverflowError, IllegalStateException...
      attempt.failed("crashed: " + describe(e));
      return null;
    }
    attempt.generated(output);
    if (invalidBecause != null) {
      attempt.end(Status.FAILED, "listed as invalid (" + invalidBecause + ") but it generates");
      return null;
    }
    List<SpecProblem> errors;
    try {
      deleteTree(classes);
      errors = CompileCheck.check(
          output, PACKAGE, CompileCheck.currentClassPath(), Optional.of(classes));
    } catch (Throwable e) {
      attempt.failed("compiler crashed: " + describe(e));
      return null;
    }
    if (!errors.isEmpty()) {
      attempt.failed(
          errors.size() + " compile error(s), first: " + errors.get(0).format(""));
      return null;
    }
    attempt.compiled = true;
    return output.model();
  }

  /** What is known of one document's run so far. */
  private static final class Attempt {
    private final String document;
    private final String knownBecause;
    private final long start = System.nanoTime();
    private boolean generated;
    private boolean compiled;
    private int warnings;
    private int files;
    private Examples examples = Examples.NONE;

    Attempt(String document, String knownBecause) {
      this.document = document;
      this.knownBecause = knownBecause;
    }

    void generated(Generator.Output output) {
      generated = true;
      warnings = output.warnings().size();
      files = output.sources().size();
    }

    /** How it ended, once it has. */
    private Outcome outcome;

    /** A failure, or a known gap when the manifest lists the document as one. */
    Outcome failed(String note) {
      return knownBecause != null
          ? end(Status.KNOWN, knownBecause + ": " + note)
          : end(Status.FAILED, note);
    }

    Outcome end(Status status, String note) {
      double seconds = (System.nanoTime() - start) / 1e9;
      outcome = new Outcome(
          document, status, generated, compiled, examples, warnings, seconds, files, note);
      return outcome;
    }
  }

  static String header() {
    return "| document | status | generated | compiled | examples equal / given | invalid in the"
        + " document | warnings | seconds | files | note |\n|---|---|---|---|---:|---:|---:|---:|---:|---|";
  }

  static String row(Outcome o) {
    return "| " + o.document() + " | " + o.status() + " | " + yes(o.generated()) + " | "
        + yes(o.compiled()) + " | " + o.examples().equal() + " / "
        + o.examples().given() + " | "
        + o.examples().invalid().size() + " | "
        + o.warnings() + " | " + String.format("%.1f", o.seconds()) + " | " + o.files() + " | "
        + o.note().replace("|", "\\|").replace("\n", " ") + " |";
  }

  static String summary(List<Outcome> outcomes) {
    long count = outcomes.size();
    long generated = outcomes.stream().filter(Outcome::generated).count();
    long compiled = outcomes.stream().filter(Outcome::compiled).count();
    int given = outcomes.stream().mapToInt(o -> o.examples().given()).sum();
    int equal = outcomes.stream().mapToInt(o -> o.examples().equal()).sum();
    int invalid = outcomes.stream().mapToInt(o -> o.examples().invalid().size()).sum();
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
        "corpus: %d documents%s; %d generated, %d compiled; examples %d / %d equal (%s), %d of"
            + " the others invalid against their own schema; %d warnings; %d files; %.1f s",
        count,
        byStatus,
        generated,
        compiled,
        equal,
        given,
        given == 0 ? "none given" : String.format("%.1f %%", 100.0 * equal / given),
        invalid,
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

  private static void deleteQuietly(Path root) {
    try {
      deleteTree(root);
    } catch (IOException ignored) {
      // a leftover folder under target/ does no harm
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
    }
  }

  /**
   * Every example of every document that did not come back equal, by document: the generator's
   * mismatches first, then those the document's own schema rejects, with the validator's reason.
   */
  static List<String> exampleDetails(List<Outcome> outcomes) {
    List<String> lines = new ArrayList<>();
    lines.add("# Examples that did not come back equal");
    for (Outcome o : outcomes) {
      Examples examples = o.examples();
      if (examples.mismatches().isEmpty() && examples.invalid().isEmpty()) continue;
      lines.add("");
      lines.add("## " + o.document());
      for (String line : examples.mismatches()) lines.add("- generator: " + line);
      for (String line : examples.invalid()) lines.add("- document: " + line);
    }
    return lines;
  }
}
