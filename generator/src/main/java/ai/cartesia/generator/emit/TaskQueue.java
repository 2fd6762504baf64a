package ai.cartesia.generator.emit;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Runs independent tasks on every core, each thread taking the next task not yet taken, and gives
 * their results in task order. The first task to fail stops the others from being started, and
 * its exception is thrown.
 *
 * <p>A parallel stream over the tasks would split the list into a few fixed runs, one per thread
 * at a time, so the run holding the costly files (the clients, the decoders, the root client,
 * which come last) would finish alone; taking one task at a time keeps every thread busy to the
 * end.
 */
final class TaskQueue {

  private TaskQueue() {}

  static <R> List<R> run(List<? extends Supplier<? extends R>> tasks) {
    Object[] results = new Object[tasks.size()];
    AtomicInteger next = new AtomicInteger();
    // The threads of a parallel stream: the caller and the common pool's workers.
    int threads = Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, tasks.size());
    IntStream.range(0, threads).parallel().forEach(thread -> {
      for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
        try {
          results[i] = tasks.get(i).get();
        } catch (RuntimeException | Error e) {
          next.set(results.length); // the other threads take no further task
          throw e;
        }
      }
    });
    @SuppressWarnings("unchecked") // every element was set from a task's result
    List<R> list = (List<R>) Arrays.asList(results);
    return list;
  }
}
