package ai.cartesia.generator.read;

import java.util.ArrayList;
import java.util.List;

/** The problems found while translating a spec, each at its JSON pointer, in the order found. */
final class Diagnostics {

  private final List<SpecProblem> problems = new ArrayList<>();

  void addAll(List<SpecProblem> found) {
    problems.addAll(found);
  }

  /** Something the generator cannot express: it falls back and says so, and generation goes on. */
  void warn(String pointer, String message) {
    // A schema used in several places is translated in each: it is reported once.
    SpecProblem warning = SpecProblem.warning(pointer, message);
    if (!problems.contains(warning)) problems.add(warning);
  }

  /** Something wrong with the spec itself: generation fails once translation is over. */
  void error(String pointer, String message) {
    problems.add(SpecProblem.error(pointer, message));
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == SpecProblem.Severity.ERROR);
  }

  List<SpecProblem> all() {
    return List.copyOf(problems);
  }
}
