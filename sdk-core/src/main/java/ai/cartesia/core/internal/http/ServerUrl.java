package ai.cartesia.core.internal.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The URL of an API definition's server, with its variables ({@code https://{region}.example.com})
 * set to their defaults until the caller sets them. One belongs to one client builder, so it is
 * not shared between threads.
 */
public final class ServerUrl {

  private final String template;
  private final Map<String, List<String>> allowed = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();

  private ServerUrl(String template) {
    this.template = template;
  }

  public static ServerUrl template(String template) {
    return new ServerUrl(Objects.requireNonNull(template, "template"));
  }

  /** Declares a variable, its default and the values it may take (any, if none are given). */
  public ServerUrl variable(String name, String defaultValue, String... allowedValues) {
    allowed.put(name, List.of(allowedValues));
    values.put(name, defaultValue);
    return this;
  }

  /**
   * @throws IllegalArgumentException if the value is not one the definition allows, or holds a
   *     character that would change the URL's structure
   */
  public void set(String name, String value) {
    Objects.requireNonNull(value, name);
    List<String> choices = allowed.get(name);
    if (choices == null) throw new IllegalArgumentException("no server variable " + name);
    if (!choices.isEmpty() && !choices.contains(value)) {
      throw new IllegalArgumentException(
          name + " must be one of " + String.join(", ", choices) + "; got \"" + value + "\"");
    }
    if (value.isEmpty() || value.chars().anyMatch(c -> "?#@ ".indexOf(c) >= 0 || c < 0x21)) {
      throw new IllegalArgumentException(name
          + " must be a non-empty URL part without '?', '#', '@' or spaces; got \"" + value + "\"");
    }
    values.put(name, value);
  }

  /** The URL, each variable replaced by its value. */
  public String url() {
    String url = template;
    for (var entry : values.entrySet())
      url = url.replace("{" + entry.getKey() + "}", entry.getValue());
    return url;
  }

  @Override
  public String toString() {
    return url();
  }
}
