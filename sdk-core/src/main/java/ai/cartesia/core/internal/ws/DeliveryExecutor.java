package ai.cartesia.core.internal.ws;

import ai.cartesia.core.ws.StreamSettings;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a session's publishers and callbacks run: the caller's executor, or one pool shared by
 * every session of the process. The shared pool is bounded (a few daemon threads per core, let go
 * when idle), so 10,000 contexts read with callbacks cost no more threads than ten: each stream
 * runs its deliveries one at a time as a task on the pool, and gives its thread back after a batch
 * so that one busy stream cannot starve the others.
 */
public final class DeliveryExecutor implements Executor {

  /** How many threads the shared pool may use at most. */
  public static final int SHARED_THREADS =
      Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ThreadPoolExecutor SHARED = sharedPool();

  private final Executor executor;

  private DeliveryExecutor(Executor executor) {
    this.executor = executor;
  }

  public static DeliveryExecutor of(StreamSettings settings) {
    return new DeliveryExecutor(settings.deliveryExecutor().orElse(SHARED));
  }

  @Override
  public void execute(Runnable task) {
    executor.execute(task);
  }

  private static ThreadPoolExecutor sharedPool() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(
        SHARED_THREADS,
        SHARED_THREADS,
        10,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread =
              new Thread(runnable, "cartesia-stream-delivery-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
