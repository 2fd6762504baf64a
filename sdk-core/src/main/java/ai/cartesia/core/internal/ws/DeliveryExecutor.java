package ai.cartesia.core.internal.ws;

import ai.cartesia.core.ws.StreamSettings;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a session's publishers and callbacks run: the caller's executor, or a pool the session
 * owns. The owned pool makes daemon threads only while some stream is delivering (so a callback
 * that blocks holds one thread, not the connection), and is shut down with the session.
 */
public final class DeliveryExecutor implements Executor {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Executor executor;
  private final ExecutorService owned;

  private DeliveryExecutor(Executor executor, ExecutorService owned) {
    this.executor = executor;
    this.owned = owned;
  }

  public static DeliveryExecutor of(StreamSettings settings) {
    if (settings.deliveryExecutor() != null) return new DeliveryExecutor(settings.deliveryExecutor(), null);
    ExecutorService pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "cartesia-stream-delivery-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    return new DeliveryExecutor(pool, pool);
  }

  @Override
  public void execute(Runnable task) {
    executor.execute(task);
  }

  /** Lets queued deliveries finish, then lets the owned threads go; later work runs on its caller. */
  public void shutdown() {
    if (owned != null) owned.shutdown();
  }
}
