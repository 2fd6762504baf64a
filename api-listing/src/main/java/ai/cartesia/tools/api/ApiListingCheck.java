package ai.cartesia.tools.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares a module's public API with its committed listing, from a test of that module. With the
 * system property {@code api.update=true} it rewrites the listing instead, for review in the diff.
 */
public final class ApiListingCheck {

  /** The command that refreshes every listing; failures name it. */
  public static final String UPDATE_COMMAND = "mvn -B verify -Dapi.update=true";

  private ApiListingCheck() {}

  /**
   * Checks the API of {@code classesDir} (usually {@code target/classes}) against {@code listing}
   * (usually {@code api/<artifactId>.api}), both relative to the module's directory.
   */
  public static void check(Path classesDir, Path listing) {
    String actual = ApiListing.of(classesDir);
    if (Boolean.getBoolean("api.update")) {
      write(listing, actual);
      return;
    }
    String committed = Files.exists(listing) ? read(listing) : "";
    if (committed.equals(actual)) return;
    throw new AssertionError(difference(listing, committed, actual));
  }

  /**
   * Fails when a public signature names a type of an {@code internal} package: such a member is
   * API in all but name, and users would come to depend on the internal type through it.
   */
  public static void checkNoInternalTypes(Path classesDir) {
    List<String> leaks = internalTypeLeaks(ApiListing.of(classesDir));
    if (leaks.isEmpty()) return;
    throw new AssertionError(
        "Public signatures name internal types; make the member internal, or the type public:\n"
            + String.join("\n", leaks));
  }

  static List<String> internalTypeLeaks(String listing) {
    return lines(listing).stream()
        .filter(line -> INTERNAL_TYPE.matcher(line).find())
        .toList();
  }

  private static final Pattern INTERNAL_TYPE =
      Pattern.compile("\\b[a-z][\\w]*(?:\\.[a-z][\\w]*)*\\.internal(?:\\.[a-z][\\w]*)*\\.[A-Z]");

  static String difference(Path listing, String committed, String actual) {
    Set<String> before = lines(committed);
    Set<String> after = lines(actual);
    StringBuilder message = new StringBuilder()
        .append("The public API differs from its committed listing ")
        .append(listing)
        .append(".\n")
        .append("If the change is intended, run `")
        .append(UPDATE_COMMAND)
        .append("` and commit the listing with the change, for review.\n");
    for (String line : before)
      if (!after.contains(line)) message.append("- ").append(line).append('\n');
    for (String line : after)
      if (!before.contains(line)) message.append("+ ").append(line).append('\n');
    return message.toString();
  }

  /**
   * The listing's lines, each member named with its type ({@code type { member }}), so that a
   * line stands on its own: a moved member shows as removed here and added there.
   */
  private static Set<String> lines(String text) {
    Set<String> lines = new LinkedHashSet<>();
    String type = "";
    for (String line : List.of(text.split("\n"))) {
      if (line.isBlank()) continue;
      if (!line.startsWith(" ")) type = line;
      lines.add(line.startsWith(" ") ? type + " { " + line.strip() + " }" : line);
    }
    return lines;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
