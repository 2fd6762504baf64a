package ai.cartesia.generator.diff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A version {@code MAJOR.MINOR.PATCH}, with any pre-release or build suffix ignored for comparison. */
public record SemanticVersion(int major, int minor, int patch) {

  private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)([-+].*)?");

  public static SemanticVersion parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches())
      throw new IllegalArgumentException("not a semantic version (MAJOR.MINOR.PATCH): " + text);
    return new SemanticVersion(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** The part of the version that changed from {@code previous} to this one. */
  public Bump bumpFrom(SemanticVersion previous) {
    if (major != previous.major) return major > previous.major ? Bump.MAJOR : Bump.NONE;
    if (minor != previous.minor) return minor > previous.minor ? Bump.MINOR : Bump.NONE;
    if (patch != previous.patch) return patch > previous.patch ? Bump.PATCH : Bump.NONE;
    return Bump.NONE;
  }

  /**
   * The smallest bump from this version that a change calls for. Before 1.0.0 the scale shifts
   * down by one, as is usual (Cargo, npm's caret): a breaking change bumps the minor version.
   */
  public Bump required(Bump change) {
    if (major > 0 || change == Bump.NONE) return change;
    return change == Bump.MAJOR ? Bump.MINOR : Bump.PATCH;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }

  /** How much of a version changes, smallest first. */
  public enum Bump {
    NONE,
    PATCH,
    MINOR,
    MAJOR;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
