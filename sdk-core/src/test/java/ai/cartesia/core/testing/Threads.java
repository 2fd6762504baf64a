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
   * {@code port} (OkHttp names such threads after the URL), and no SDK delivery thread is alive.
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

  private static List<String> busy(OkHttpClient client, int port) {
    List<String> busy = Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.contains(":" + port + "/") || name.startsWith("cartesia-stream-delivery"))
        .collect(Collectors.toList());
    if (client.dispatcher().runningCallsCount() > 0) busy.add(client.dispatcher().runningCallsCount() + " running calls");
    return busy;
  }
}
