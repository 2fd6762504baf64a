package ai.cartesia.testing;

import java.io.IOException;

/**
 * Writes the frames (or events) of one connection through the {@link Faults}: waits before each,
 * slips in the malformed and unknown frames, counts, and drops the connection when told to.
 * Not thread-safe: one connection writes from one thread.
 */
final class FaultyFrames {

  /** Where frames go, and how the connection is dropped. */
  interface Sink {
    void send(String frame) throws IOException;

    void drop();
  }

  private final Faults faults;
  private final Sink sink;
  private int sent;
  private boolean dropped;

  FaultyFrames(Faults faults, Sink sink) {
    this.faults = faults;
    this.sink = sink;
  }

  /** Writes {@code frame}, which belongs to {@code contextId} (null if none), faults first. */
  void write(String contextId, String frame) throws IOException {
    if (dropped) return;
    pause();
    if (faults.malformedFrameAfter() > 0 && sent == faults.malformedFrameAfter())
      emit(malformed(contextId));
    if (faults.unknownTypeAfter() > 0 && sent == faults.unknownTypeAfter())
      emit(unknown(contextId));
    emit(frame);
  }

  boolean dropped() {
    return dropped;
  }

  private void emit(String frame) throws IOException {
    if (dropped) return;
    sink.send(frame);
    sent++;
    if (faults.dropAfterFrames() > 0 && sent >= faults.dropAfterFrames()) {
      dropped = true;
      sink.drop();
    }
  }

  private void pause() {
    if (faults.frameDelay().isZero()) return;
    try {
      Thread.sleep(faults.frameDelay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** JSON cut off in the middle, that still names its context first so a client can route it. */
  private static String malformed(String contextId) {
    return "{" + (contextId == null ? "" : "\"context_id\":" + Json.quote(contextId) + ",")
        + "\"type\":\"chunk\",\"data\":\"AAA";
  }

  private static String unknown(String contextId) {
    return "{\"type\":\"fake_unknown_type\",\"done\":false,\"status_code\":206"
        + (contextId == null ? "" : ",\"context_id\":" + Json.quote(contextId))
        + ",\"message\":\"a message type no SDK knows, sent by the fake to test forward compatibility\"}";
  }
}
