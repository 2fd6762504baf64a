package ai.cartesia.testing;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The server side of one fake WebSocket: frames go out in order on a thread of the connection's
 * own, so that delays never hold up reading, and through {@link FaultyFrames}.
 */
abstract class FakeSocket extends WebSocketListener {

  private final ExecutorService writer;
  private final FaultyFrames frames;
  private volatile WebSocket socket;

  FakeSocket(Faults faults, Runnable drop, String threadName) {
    this.writer = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    this.frames = new FaultyFrames(faults, new FaultyFrames.Sink() {
      @Override
      public void send(String frame) {
        socket.send(frame);
      }

      @Override
      public void drop() {
        awaitQueueWritten();
        drop.run();
      }
    });
  }

  /**
   * Queues {@code frame} of {@code contextId} (null if none) for sending; when its turn comes it
   * is sent unless {@link #suppressed} says its context no longer wants it.
   */
  final void send(String contextId, String frame) {
    later(() -> {
      if (!suppressed(contextId)) write(contextId, frame);
    });
  }

  /** Writes a frame now, through the faults; only from a step running on the writer thread. */
  final void write(String contextId, String frame) throws IOException {
    frames.write(contextId, frame);
  }

  /** Whether frames of {@code contextId} not yet sent are to be left out (a cancelled context). */
  boolean suppressed(String contextId) {
    return false;
  }

  /** Runs {@code step} on the writer thread, after the frames queued before it. */
  final void later(IoStep step) {
    writer.execute(() -> {
      if (frames.dropped()) return;
      try {
        step.run();
      } catch (IOException | RuntimeException e) {
        socket.close(1011, "the fake failed: " + e.getMessage());
      }
    });
  }

  /** Closes the connection normally once the frames queued before have gone. */
  final void closeAfterFrames() {
    later(() -> socket.close(1000, null));
  }

  @FunctionalInterface
  interface IoStep {
    void run() throws IOException;
  }

  @Override
  public final void onOpen(WebSocket webSocket, Response response) {
    socket = webSocket;
  }

  @Override
  public final void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(1000, null);
  }

  @Override
  public final void onClosed(WebSocket webSocket, int code, String reason) {
    writer.shutdownNow();
  }

  @Override
  public final void onFailure(WebSocket webSocket, Throwable t, Response response) {
    writer.shutdownNow();
  }

  /**
   * OkHttp writes queued frames on a thread of its own; a drop must come after them, as it would
   * on a network, not overtake them.
   */
  private void awaitQueueWritten() {
    try {
      for (int i = 0; i < 200 && socket.queueSize() > 0; i++) Thread.sleep(5);
      Thread.sleep(20); // the last frame leaves the queue just before it is flushed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops writing; the server is going away. */
  final void shutdown() {
    writer.shutdownNow();
  }
}
