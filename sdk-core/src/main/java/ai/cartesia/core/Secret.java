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

  /**
   * The secret, without surrounding white space (a key read from a file often ends in a line
   * break). It must be printable ASCII, as it travels in a header or a query string: otherwise
   * the HTTP library would reject it with a message that quotes it.
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    String stripped = value.strip();
    if (stripped.isEmpty()) throw new IllegalArgumentException("a secret cannot be blank");
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(
            "a secret may hold only printable ASCII characters; character " + (i + 1)
                + " is not one");
      }
    }
    return new Secret(stripped);
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
