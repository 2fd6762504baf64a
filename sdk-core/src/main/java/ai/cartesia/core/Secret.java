package ai.cartesia.core;

import java.util.Objects;

/**
 * A credential such as an API key. It never shows itself: {@link #toString()} is redacted, and
 * only the code that puts it on the wire calls {@link #reveal()}.
 */
public final class Secret {

  private static final String REDACTED = "[redacted]";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) throw new IllegalArgumentException("a secret cannot be blank");
    return new Secret(value);
  }

  /** The secret itself, for the request that must carry it. */
  public String reveal() {
    return value;
  }

  /** Removes every occurrence of this secret from a text that may be shown or logged. */
  public String redact(String text) {
    return text == null ? null : text.replace(value, REDACTED);
  }

  @Override
  public String toString() {
    return REDACTED;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
