package ai.cartesia.core.internal.observe;

import ai.cartesia.core.observe.LogLevel;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * The SDK's log, through {@link System.Logger} (JUL unless the application bridges it to SLF4J or
 * Log4j), under the name {@code ai.cartesia}.
 *
 * <p>Off unless enabled. The SDK's info lines are written at the backend's DEBUG level and its
 * debug lines at TRACE, so an application's usual INFO configuration shows none of them; a
 * {@link LogLevel} set in code or by {@code CARTESIA_LOG} writes the lines it covers at INFO
 * instead, so that they show without configuring the backend.
 */
public final class SdkLog {

  static final String NAME = "ai.cartesia";

  private final System.Logger logger;
  private final LogLevel forced;

  SdkLog(LogLevel forced) {
    this(System.getLogger(NAME), forced);
  }

  SdkLog(System.Logger logger, LogLevel forced) {
    this.logger = logger;
    this.forced = forced;
  }

  public boolean infoEnabled() {
    return forced != LogLevel.OFF || logger.isLoggable(Level.DEBUG);
  }

  public boolean debugEnabled() {
    return forced == LogLevel.DEBUG || logger.isLoggable(Level.TRACE);
  }

  public void info(Supplier<String> message) {
    if (forced != LogLevel.OFF) {
      logger.log(Level.INFO, message);
    } else if (logger.isLoggable(Level.DEBUG)) {
      logger.log(Level.DEBUG, message);
    }
  }

  public void debug(Supplier<String> message) {
    if (forced == LogLevel.DEBUG) {
      logger.log(Level.INFO, message);
    } else if (logger.isLoggable(Level.TRACE)) {
      logger.log(Level.TRACE, message);
    }
  }

  /** Something the application should know whatever the level: a listener that threw, a setting that means nothing. */
  public void warn(String message, Throwable failure) {
    logger.log(Level.WARNING, message, failure);
  }
}
