package ai.cartesia.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, of the whole JVM and of the threads of the loopback benchmark by role
 * ({@code -prof ai.cartesia.benchmarks.CpuTimeProfiler}). On a machine shared with other work,
 * wall times say more about the neighbours than about the code; the CPU a round trip costs does
 * not depend on them nearly as much. Threads are grouped by name: the client's WebSocket reader
 * ({@code OkHttp http...}), the loopback server ({@code MockWebServer...}), JMH's workers (the
 * consumers, which also ask the server to send), and the rest (GC, JIT, the SDK's pools), by the
 * name they had when the iteration began. An iteration in which one of the first three ended (the
 * last one, whose trial tear-down closes the sockets before the profiler is asked) reports only
 * the total, since the ended thread's time is lost.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private static final String[] GROUPS = {"reader", "server", "workers", "other"};

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long processStart;
  private Map<Long, Long> threadStart = Map.of();
  /** The group of each thread at the start, when the reader thread still has its name. */
  private final Map<Long, String> groupAtStart = new HashMap<>();

  @Override
  public String getDescription() {
    return "CPU time per operation: the JVM, and the loopback benchmark's threads by role";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    groupAtStart.clear();
    threadStart = threadTimes(null);
    processStart = processCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    long process = processCpuTime() - processStart;
    Map<String, Long> byGroup = new HashMap<>();
    Map<Long, Long> now = threadTimes(byGroup);
    long ops = Math.max(1, result.getMetadata().getAllOps());
    List<Result> results = new ArrayList<>();
    results.add(perOp("cpu.total", process, ops));
    for (Long id : threadStart.keySet()) {
      if (!now.containsKey(id) && !groupAtStart.get(id).equals("other")) return results;
    }
    for (String group : GROUPS) {
      results.add(perOp("cpu." + group, byGroup.getOrDefault(group, 0L), ops));
    }
    return results;
  }

  private static ScalarResult perOp(String label, long nanos, long ops) {
    return new ScalarResult(label, (double) nanos / ops, "ns/op", AggregationPolicy.AVG);
  }

  /**
   * Each live thread's CPU time by id; with {@code byGroup}, also what each group used since
   * {@link #beforeIteration}.
   */
  private Map<Long, Long> threadTimes(Map<String, Long> byGroup) {
    Map<Long, Long> times = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) continue;
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) continue;
      times.put(info.getThreadId(), cpu);
      if (byGroup == null) {
        groupAtStart.put(info.getThreadId(), group(info.getThreadName()));
      } else {
        long used = cpu - threadStart.getOrDefault(info.getThreadId(), 0L);
        String group = groupAtStart.getOrDefault(info.getThreadId(), group(info.getThreadName()));
        byGroup.merge(group, used, Long::sum);
      }
    }
    return times;
  }

  private static String group(String name) {
    if (name.startsWith("OkHttp http")) return "reader";
    if (name.startsWith("MockWebServer")) return "server";
    if (name.contains("jmh-worker")) return "workers";
    return "other";
  }

  private static long processCpuTime() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
        : -1;
  }
}
