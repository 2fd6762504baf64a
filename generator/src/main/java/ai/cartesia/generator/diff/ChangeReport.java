package ai.cartesia.generator.diff;

import ai.cartesia.generator.diff.SemanticVersion.Bump;
import java.util.List;

/**
 * The changes between two versions of an API, for Java callers, and the semantic version bump
 * they call for: major for any breaking change, minor for additions, patch for changes no Java
 * signature shows (such as a path on the server), none when nothing changed.
 */
public record ChangeReport(
    String oldVersion, String newVersion, List<Change> changes, List<Rename> possibleRenames) {

  public ChangeReport {
    changes = List.copyOf(changes);
    possibleRenames = List.copyOf(possibleRenames);
  }

  public List<Change> breaking() {
    return changes.stream().filter(Change::breaking).toList();
  }

  public List<Change> compatible() {
    return changes.stream().filter(c -> !c.breaking()).toList();
  }

  public Bump bump() {
    if (!breaking().isEmpty()) return Bump.MAJOR;
    if (changes.stream().anyMatch(c -> c.action() == Change.Action.ADDED)) return Bump.MINOR;
    return changes.isEmpty() ? Bump.NONE : Bump.PATCH;
  }

  /**
   * How releasing {@code next} after {@code previous} compares with the bump these changes call
   * for (with the shift before 1.0.0): one rule for the command line and the Maven plugin.
   */
  public VersionCheck checkVersions(String previous, String next) {
    SemanticVersion from = SemanticVersion.parse(previous);
    return new VersionCheck(SemanticVersion.parse(next).bumpFrom(from), from.required(bump()));
  }

  /** The bump a release makes, and the one its changes call for. */
  public record VersionCheck(Bump actual, Bump required) {
    public boolean covers() {
      return actual.compareTo(required) >= 0;
    }
  }
}
