package ai.cartesia.generator.read;

/**
 * One thing wrong with a spec, located by a JSON pointer into the document ({@code
 * #/components/schemas/Foo/properties/bar}) or, for a syntax error, by line and column.
 */
public record SpecProblem(Severity severity, String location, String message) {

  public enum Severity {
    ERROR,
    WARNING
  }

  public static SpecProblem error(String location, String message) {
    return new SpecProblem(Severity.ERROR, location, message);
  }

  public static SpecProblem warning(String location, String message) {
    return new SpecProblem(Severity.WARNING, location, message);
  }

  /** One line: {@code spec.yaml#/paths/~1tts/post: message}. */
  public String format(String file) {
    String where = location.startsWith("#") ? file + location : file + ":" + location;
    return (severity == Severity.WARNING ? "warning: " : "") + where + ": " + message;
  }
}
