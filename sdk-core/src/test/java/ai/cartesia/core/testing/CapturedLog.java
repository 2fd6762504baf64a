package ai.cartesia.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the SDK logs, caught through JUL (where {@link System.Logger} goes when nothing bridges
 * it), with the logger {@code ai.cartesia} at the level a test sets.
 */
public final class CapturedLog implements AutoCloseable {

  private final Logger logger = Logger.getLogger("ai.cartesia");
  private final Level previous = logger.getLevel();
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private CapturedLog(Level level) {
    handler.setLevel(Level.ALL);
    logger.setLevel(level);
    logger.addHandler(handler);
  }

  /** Catches what the SDK writes with the backend at {@code level} (INFO: a default configuration). */
  public static CapturedLog at(Level level) {
    return new CapturedLog(level);
  }

  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** Each record as one text: level, message and any exception with its stack trace. */
  public List<String> lines() {
    return records.stream().map(CapturedLog::text).toList();
  }

  private static String text(LogRecord record) {
    StringBuilder text = new StringBuilder(record.getLevel() + " " + record.getMessage());
    if (record.getThrown() != null) {
      java.io.StringWriter trace = new java.io.StringWriter();
      record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
      text.append('\n').append(trace);
    }
    return text.toString();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previous);
  }
}
