package ai.cartesia.generator.model;

import java.util.List;
import java.util.Map;

/**
 * What a JSON value must look like to be read as one variant of an untagged union: its JSON
 * type, and for objects the properties it must have and the constant values some of them take.
 */
public record Guard(
    JsonShape shape, List<String> requiredProperties, Map<String, String> constants) {

  public enum JsonShape {
    OBJECT,
    ARRAY,
    STRING,
    /** Any JSON number, integral or not. */
    NUMBER,
    INTEGER,
    BOOLEAN,
    /** Any JSON value at all. */
    ANY
  }

  public static Guard of(JsonShape shape) {
    return new Guard(shape, List.of(), Map.of());
  }

  /**
   * Whether some JSON value could satisfy both guards, so that the order of the variants decides.
   */
  public boolean overlaps(Guard other) {
    if (shape == JsonShape.ANY || other.shape == JsonShape.ANY) return true;
    boolean sameKind = shape == other.shape
        || (shape == JsonShape.NUMBER && other.shape == JsonShape.INTEGER)
        || (shape == JsonShape.INTEGER && other.shape == JsonShape.NUMBER);
    if (!sameKind) return false;
    for (var constant : constants.entrySet()) {
      String theirs = other.constants.get(constant.getKey());
      if (theirs != null && !theirs.equals(constant.getValue())) return false;
    }
    return true;
  }
}
