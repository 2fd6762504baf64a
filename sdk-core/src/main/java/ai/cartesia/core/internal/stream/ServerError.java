package ai.cartesia.core.internal.stream;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a server message that reports an error says: its text and, where it has one, its {@code
 * status_code}. Generated code reads it out of the typed message.
 */
public record ServerError(String message, OptionalInt statusCode) {

  public ServerError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(statusCode, "statusCode");
  }

  public static ServerError of(String message) {
    return new ServerError(message, OptionalInt.empty());
  }

  public static ServerError of(String message, long statusCode) {
    return new ServerError(message, OptionalInt.of((int) statusCode));
  }

  /** The status as the exception takes it: null when there is none. */
  public Integer statusOrNull() {
    return statusCode.isPresent() ? statusCode.getAsInt() : null;
  }
}
