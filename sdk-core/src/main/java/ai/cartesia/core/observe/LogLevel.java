package ai.cartesia.core.observe;

import java.util.Locale;
import java.util.Optional;

/**
 * How much the SDK logs when logging is turned on in code ({@code logLevel(...)} on the client
 * builder) or by the environment variable {@code CARTESIA_LOG} ({@code info}, {@code debug} or
 * {@code off}).
 */
public enum LogLevel {
  /** Nothing beyond what the logging backend itself enables for the logger {@code ai.cartesia}. */
  OFF,
  /** One line per request with its status and duration, each retry, each WebSocket open and close. */
  INFO,
  /** As {@link #INFO}, plus each request's start with its headers (credentials redacted), and each TTS context's first audio and end. */
  DEBUG;

  /** The level a setting such as {@code debug} names, in any case; empty if it names none. */
  public static Optional<LogLevel> parse(String setting) {
    if (setting == null) return Optional.empty();
    try {
      return Optional.of(valueOf(setting.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException notALevel) {
      return Optional.empty();
    }
  }
}
