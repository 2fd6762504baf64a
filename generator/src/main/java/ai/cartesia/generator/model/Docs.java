package ai.cartesia.generator.model;

/**
 * Documentation of one element, as plain text from the spec (never escaped here: the emitter
 * decides how to make it safe for a comment or a string).
 */
public record Docs(String summary, String description, boolean deprecated) {

  public static final Docs NONE = new Docs("", "", false);

  public Docs {
    summary = summary == null ? "" : summary.strip();
    description = description == null ? "" : description.strip();
  }

  public static Docs of(String description) {
    return new Docs("", description, false);
  }

  /**
   * Summary and description joined, without repeating one that the other already holds. A
   * summary reads as a title in the spec; here it becomes a first sentence.
   */
  public String text() {
    if (summary.isEmpty()) return description;
    if (!description.isEmpty() && description.startsWith(summary)) return description;
    String sentence = summary.matches(".*[.!?:]$") ? summary : summary + ".";
    return description.isEmpty() ? sentence : sentence + "\n\n" + description;
  }

  public boolean isEmpty() {
    return text().isEmpty() && !deprecated;
  }
}
