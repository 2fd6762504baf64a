package ai.cartesia.generator.diff;

import ai.cartesia.generator.diff.Change.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * Removals and additions that are probably one rename: in the same type or operation, one element
 * of a kind removed and one added whose description is the same but for the name. The report
 * shows them as removed and added (that is what they are for the compiler), and names the pair.
 */
final class PossibleRenames {

  private PossibleRenames() {}

  static List<Rename> among(List<Change> changes) {
    List<Rename> renames = new ArrayList<>();
    for (Change removed : changes) {
      if (removed.action() != Action.REMOVED || removed.owner().isEmpty()) continue;
      List<Change> candidates = changes.stream()
          .filter(c -> c.action() == Action.ADDED
              && c.owner().equals(removed.owner())
              && c.element().equals(removed.element())
              && traits(c).equals(traits(removed)))
          .toList();
      long removedAlike = changes.stream()
          .filter(c -> c.action() == Action.REMOVED
              && c.owner().equals(removed.owner())
              && c.element().equals(removed.element())
              && traits(c).equals(traits(removed)))
          .count();
      if (candidates.size() == 1 && removedAlike == 1) {
        renames.add(
            new Rename(removed.element(), removed.java(), candidates.get(0).java()));
      }
    }
    return renames;
  }

  /** The description after the verb: "(returns Optional<Boolean>, required false)". */
  private static String traits(Change change) {
    String detail = change.detail();
    int open = detail.indexOf(" (");
    int close = detail.indexOf(')', open + 1);
    return open < 0 ? "" : detail.substring(open, close + 1);
  }
}
