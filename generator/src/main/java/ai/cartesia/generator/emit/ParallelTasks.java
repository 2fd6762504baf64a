package ai.cartesia.generator.emit;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Applies a function to every item in parallel, each thread taking the next item not yet taken,
 * and gives the results in item order.
 *
 * <p>A parallel stream over the items themselves would cut the list into fixed chunks, and a chunk
 * of costly files would leave one thread rendering alone at the end; a shared counter keeps every
 * thread busy until the last item is taken.
 */
final class ParallelTasks {

  private ParallelTasks() {}

  /**
   * {@code work} of each item, in item order. If one fails, no further item is started, the ones
   * running finish, and the first failure is thrown as it was thrown.
   */
  static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
    Object[] results = new Object[items.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    // As many workers as a parallel stream has threads on the common pool: its own and the caller.
    int workers = Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, items.size());
    IntStream.range(0, workers).parallel().forEach(worker -> {
      for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
        try {
          results[i] = work.apply(items.get(i));
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
          next.set(results.length);
        }
      }
    });
    // Thrown here, not in the worker: the caller sees the exception that work threw, not the
    // copy a fork-join pool makes of one thrown on another thread, and only once every worker
    // stopped.
    Throwable failed = failure.get();
    if (failed instanceof RuntimeException e) throw e;
    if (failed instanceof Error e) throw e;
    @SuppressWarnings("unchecked") // nothing failed, so every element holds its item's result
    List<R> list = (List<R>) Arrays.asList(results);
    return list;
  }
}
