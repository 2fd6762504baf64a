package ai.cartesia.core.internal.stream;

import ai.cartesia.core.errors.StreamDecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one stream that could not be decoded, kept for the reader to inspect: every
 * stream reports them on this one channel and goes on. Only the first {@link #KEPT} are kept,
 * so a server that sends only garbage cannot grow memory; all are counted.
 */
public final class DecodeErrors {

  public static final int KEPT = 100;

  private final List<StreamDecodeException> kept = new ArrayList<>();
  private long count;

  public synchronized void add(StreamDecodeException error) {
    count++;
    if (kept.size() < KEPT) kept.add(error);
  }

  /** A snapshot of the kept errors, in the order the frames arrived. */
  public synchronized List<StreamDecodeException> list() {
    return List.copyOf(kept);
  }

  public synchronized long count() {
    return count;
  }
}
