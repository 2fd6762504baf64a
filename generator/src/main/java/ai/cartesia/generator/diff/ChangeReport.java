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
}
