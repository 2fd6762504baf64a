package ai.cartesia.generator.read;

import java.util.List;
import java.util.stream.Collectors;

/** A spec the generator cannot use, with every problem found in it. */
public final class SpecException extends Exception {

  private final String file;
  private final List<SpecProblem> problems;

  public SpecException(String file, List<SpecProblem> problems) {
    super(problems.stream().map(p -> p.format(file)).collect(Collectors.joining("\n")));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  public String file() {
    return file;
  }

  public List<SpecProblem> problems() {
    return problems;
  }
}
