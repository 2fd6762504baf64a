package ai.cartesia.generator.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * The first place two JSON values differ, numbers and date-times compared by value: {@code 1} and
 * {@code 1.0} are equal, and so are {@code 2006-11-24T00:00:00.000Z} and {@code
 * 2006-11-24T00:00:00Z}, which the generated classes read into the same {@code OffsetDateTime}.
 */
final class JsonDifference {

  private JsonDifference() {}

  /**
   * The first difference as {@code /path: expected X, got Y} (relative to the example), or null
   * when the values are equal.
   */
  static String first(JsonNode expected, JsonNode actual, String pointer) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0
          ? null
          : at(pointer, expected, actual);
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
        JsonNode e = expected.get(name);
        JsonNode a = actual.get(name);
        if (e == null) return child + ": not in the example, written as " + brief(a);
        if (a == null) return child + ": " + brief(e) + " was left out";
        String difference = first(e, a, child);
        if (difference != null) return difference;
      }
      return null;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + expected.size() + " items written as "
            + actual.size();
      }
      Iterator<JsonNode> e = expected.elements();
      Iterator<JsonNode> a = actual.elements();
      for (int i = 0; e.hasNext(); i++) {
        String difference = first(e.next(), a.next(), pointer + "/" + i);
        if (difference != null) return difference;
      }
      return null;
    }
    if (expected.equals(actual)) return null;
    // Only strings that differ are parsed as date-times: most strings of an example are equal.
    if (expected.isTextual() && actual.isTextual() && sameDateTime(expected, actual)) return null;
    return at(pointer, expected, actual);
  }

  /** Whether both are RFC 3339 date-times of the same instant and offset. */
  private static boolean sameDateTime(JsonNode expected, JsonNode actual) {
    try {
      return OffsetDateTime.parse(expected.asText()).equals(OffsetDateTime.parse(actual.asText()));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String at(String pointer, JsonNode expected, JsonNode actual) {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + brief(expected) + " written as "
        + brief(actual);
  }

  private static String brief(JsonNode value) {
    String text = value.toString();
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
