package ai.cartesia.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTasksTest {

  private static List<Integer> items(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  @Test
  void resultsComeInTaskOrderEachTaskRunOnce() {
    Set<Integer> ran = ConcurrentHashMap.newKeySet();
    List<String> results = ParallelTasks.map(items(2_000), i -> {
      if (!ran.add(i)) throw new AssertionError("task " + i + " ran twice");
      return "file " + i;
    });

    assertThat(results)
        .containsExactlyElementsOf(
            IntStream.range(0, 2_000).mapToObj(i -> "file " + i).toList());
  }

  @Test
  void noTasksNoResults() {
    assertThat(ParallelTasks.map(List.<Integer>of(), i -> "file " + i)).isEmpty();
  }

  @Test
  void theFailureIsThrownAsTheTaskThrewIt() {
    IllegalStateException duplicate =
        new IllegalStateException("two generated files have the path X.java");

    assertThatThrownBy(() -> ParallelTasks.map(items(2_000), i -> {
          if (i == 1_500) throw duplicate;
          return "file " + i;
        }))
        .isSameAs(duplicate);
  }

  @Test
  void noTaskIsStillRunningWhenTheFailureIsThrown() {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Function<Integer, String> work = i -> {
      started.incrementAndGet();
      try {
        if (i == 0) throw new IllegalStateException("broken");
        sleep(); // the other workers are still in a task when the first one fails
        return "file " + i;
      } finally {
        finished.incrementAndGet();
      }
    };

    assertThatThrownBy(() -> ParallelTasks.map(items(200), work)).hasMessage("broken");
    assertThat(finished.get()).isEqualTo(started.get());
  }

  @Test
  void noTaskStartsAfterAFailure() throws Exception {
    // One thread, so which tasks start is certain: those up to the failing one.
    AtomicInteger started = new AtomicInteger();
    ForkJoinPool oneThread = new ForkJoinPool(1);
    try {
      Throwable thrown = oneThread
          .submit(() -> {
            try {
              ParallelTasks.map(items(2_000), i -> {
                started.incrementAndGet();
                if (i == 9) throw new IllegalStateException("broken");
                return "file " + i;
              });
              return null;
            } catch (IllegalStateException e) {
              return e;
            }
          })
          .get();
      assertThat(thrown).hasMessage("broken");
    } finally {
      oneThread.shutdown();
    }
    assertThat(started.get()).isEqualTo(10);
  }

  private static void sleep() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
