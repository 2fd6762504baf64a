package ai.cartesia.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/** Checks that streaming left no call running and no thread of ours behind. */
public final class Threads {

  private Threads() {}

  /**
   * Within a few seconds: OkHttp's dispatcher runs no call, no thread is running a call to
   * {@code port}, and no SDK delivery thread is delivering.
   */
  public static void assertReleased(OkHttpClient client, int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<String> busy = busy(client, port);
    while (!busy.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      busy = busy(client, port);
    }
    assertThat(busy).as("calls and threads still busy after close").isEmpty();
  }

  /** How many threads are running a call to {@code port} now: a WebSocket's reader is one. */
  public static long callThreads(int port) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && isRunningACall(thread.getName(), port))
        .count();
  }

  /**
   * OkHttp names a dispatcher thread {@code OkHttp http://host:port/...} while it runs a call
   * (for a WebSocket, the reader loop). Its task-runner threads, named after WebSocket tasks,
   * may keep such a name while idle, so they do not count.
   */
  private static boolean isRunningACall(String threadName, int port) {
    return threadName.startsWith("OkHttp http") && threadName.contains(":" + port + "/");
  }

  /**
   * A thread of the shared delivery pool that is doing work; idle ones wait for the next task
   * (they belong to no session and are let go after a while).
   */
  private static boolean isDelivering(Thread thread, StackTraceElement[] stack) {
    if (!thread.getName().startsWith("cartesia-stream-delivery")) return false;
    return java.util.Arrays.stream(stack)
        .noneMatch(frame -> frame.getMethodName().equals("getTask"));
  }

  private static List<String> busy(OkHttpClient client, int port) {
    List<String> busy = Thread.getAllStackTraces().entrySet().stream()
        .filter(entry -> entry.getKey().isAlive())
        .filter(entry -> isRunningACall(entry.getKey().getName(), port)
            || isDelivering(entry.getKey(), entry.getValue()))
        .map(entry -> entry.getKey().getName() + java.util.Arrays.toString(entry.getValue()))
        .collect(Collectors.toList());
    if (client.dispatcher().runningCallsCount() > 0)
      busy.add(client.dispatcher().runningCallsCount() + " running calls");
    return busy;
  }
}
