package ai.cartesia.core.internal.stream;

import java.util.Optional;

/** Tells which server messages report an error, and what they say. Generated per message type. */
@FunctionalInterface
public interface ErrorReader<R> {

  /** An error reader for message types that have no error message. */
  static <R> ErrorReader<R> none() {
    return message -> Optional.empty();
  }

  Optional<ServerError> errorOf(R message);
}
