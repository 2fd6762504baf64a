package ai.cartesia.generator.model;

import java.util.List;

/**
 * The server requests go to by default: a URL, possibly with variables in braces.
 *
 * @param url the URL as the definition writes it, such as {@code https://{region}.example.com/v1}
 */
public record Server(String url, List<Variable> variables) {

  public Server {
    variables = List.copyOf(variables);
  }

  /**
   * A variable of the URL.
   *
   * @param name its name in the URL
   * @param javaName the name of the builder setting that sets it
   * @param allowed the values it may take; empty: any
   */
  public record Variable(
      String name, String javaName, String defaultValue, List<String> allowed, Docs docs) {
    public Variable {
      allowed = List.copyOf(allowed);
    }
  }

  /** The URL with every variable at its default. */
  public String defaultUrl() {
    String resolved = url;
    for (Variable variable : variables)
      resolved = resolved.replace("{" + variable.name() + "}", variable.defaultValue());
    return resolved;
  }
}
