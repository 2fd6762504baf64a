package ai.cartesia.generator.emit;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Runs independent tasks in parallel, each thread taking the next task not yet taken, and gives
 * their results in task order.
 *
 * <p>A parallel stream over the tasks themselves would cut the list into fixed chunks, and a chunk
 * of costly files would leave one thread rendering alone at the end; a shared counter keeps every
 * thread busy until the last task is taken.
 */
final class ParallelTasks {

  private ParallelTasks() {}

  /**
   * The results of {@code tasks}, in their order. If a task fails, no further task starts, the
   * ones running finish, and the first failure is thrown as it was thrown.
   */
  static <R> List<R> run(List<? extends Supplier<? extends R>> tasks) {
    Object[] results = new Object[tasks.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    // As many workers as a parallel stream has threads on the common pool: its own and the caller.
    int workers = Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, tasks.size());
    IntStream.range(0, workers).parallel().forEach(worker -> {
      for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
        try {
          results[i] = tasks.get(i).get();
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
          next.set(results.length);
        }
      }
    });
    // Thrown here, not in the worker: the caller sees the task's own exception, not the copy a
    // fork-join pool makes of one thrown on another thread, and only once every worker stopped.
    if (failure.get() instanceof RuntimeException e) throw e;
    if (failure.get() instanceof Error e) throw e;
    @SuppressWarnings("unchecked") // no task failed, so every element holds its task's result
    List<R> list = (List<R>) Arrays.asList(results);
    return list;
  }
}
