package ai.cartesia.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskQueueTest {

  @Test
  void resultsComeInTaskOrderWhateverThreadRanThem() {
    Set<Integer> ran = ConcurrentHashMap.newKeySet();
    List<Supplier<String>> tasks = IntStream.range(0, 2_000)
        .<Supplier<String>>mapToObj(i -> () -> {
          if (!ran.add(i)) throw new AssertionError("task " + i + " ran twice");
          return "file " + i;
        })
        .toList();

    List<String> results = TaskQueue.run(tasks);

    assertThat(results)
        .containsExactlyElementsOf(
            IntStream.range(0, 2_000).mapToObj(i -> "file " + i).toList());
    assertThat(ran).hasSize(2_000);
  }

  @Test
  void noTasksNoResults() {
    assertThat(TaskQueue.run(List.<Supplier<String>>of())).isEmpty();
  }

  @Test
  void aFailureIsThrownAndStopsTheTasksNotYetStarted() {
    AtomicInteger started = new AtomicInteger();
    List<Supplier<String>> tasks = IntStream.range(0, 2_000)
        .<Supplier<String>>mapToObj(i -> () -> {
          started.incrementAndGet();
          if (i == 9) throw new IllegalStateException("two generated files have the path X.java");
          return "file " + i;
        })
        .toList();

    assertThatThrownBy(() -> TaskQueue.run(tasks))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two generated files have the path X.java");
    // Each other thread may have taken one task as the failure happened, no more.
    assertThat(started.get()).isLessThan(10 + Runtime.getRuntime().availableProcessors() + 1);
  }
}
