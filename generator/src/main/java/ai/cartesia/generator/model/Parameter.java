package ai.cartesia.generator.model;

import java.util.Optional;

/**
 * A path, query or header parameter.
 *
 * @param constant the only value the spec allows: the SDK sends it and callers never see it
 */
public record Parameter(
    String wireName,
    String javaName,
    Location location,
    TypeRef type,
    boolean required,
    Optional<String> defaultValue,
    Optional<String> constant,
    Docs docs) {

  public enum Location {
    PATH,
    QUERY,
    HEADER
  }
}
