package ai.cartesia.generator.model;

import java.util.Optional;

/**
 * A property of an object type.
 *
 * @param wireName the JSON property name, exactly as on the wire
 * @param javaName the Java identifier decided by {@link Naming}
 * @param required whether the property must be present
 * @param nullable whether the property may be an explicit JSON {@code null}
 * @param defaultValue the spec's default as JSON text, if any (documentation only: the server
 *     applies defaults, so the SDK never sends a value the caller did not set)
 * @param constant the single value this property always has, if the spec fixes it
 */
public record Field(
    String wireName,
    String javaName,
    TypeRef type,
    boolean required,
    boolean nullable,
    Optional<String> defaultValue,
    Optional<String> constant,
    Docs docs) {}
