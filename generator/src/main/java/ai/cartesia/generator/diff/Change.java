package ai.cartesia.generator.diff;

/**
 * One difference between two versions of the public API, in Java terms.
 *
 * @param element what kind of element changed: type, field, enum value, union variant, ...
 * @param java how a caller writes the element in the newer version (the older, if it was removed)
 * @param detail what changed, for a person
 * @param breaksSource whether code that compiled against the older version may no longer compile
 * @param breaksBinary whether code compiled against the older version may fail to link
 * @param breaksBehaviour whether code that still compiles and links may now fail at run time
 */
public record Change(
    Action action,
    String element,
    String owner,
    String java,
    String detail,
    boolean breaksSource,
    boolean breaksBinary,
    boolean breaksBehaviour) {

  public enum Action {
    ADDED,
    REMOVED,
    RENAMED,
    CHANGED
  }

  public boolean breaking() {
    return breaksSource || breaksBinary || breaksBehaviour;
  }

  static Change compatible(
      Action action, String element, String owner, String java, String detail) {
    return new Change(action, element, owner, java, detail, false, false, false);
  }

  static Change breakingEverything(
      Action action, String element, String owner, String java, String detail) {
    return new Change(action, element, owner, java, detail, true, true, false);
  }
}
