package ai.cartesia.core.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.errors.ReceiveTimeoutException;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.StreamOverflowException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.ws.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The buffer, the three reading styles and the end of a stream, without a network. */
@Timeout(10)
class BufferedMessageStreamTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicInteger closes = new AtomicInteger();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private BufferedMessageStream<String> stream(int capacity) {
    return new BufferedMessageStream<>(
        "test stream",
        StreamSettings.defaults()
            .withBufferCapacity(capacity)
            .withReceiveTimeout(Duration.ofMillis(200)),
        executor,
        closes::incrementAndGet);
  }

  @Test
  void pullDeliversEveryMessageBeforeTheFailure() {
    BufferedMessageStream<String> stream = stream(10);
    stream.offer("a");
    stream.offer("b");
    stream.fail(new TransportException("dropped", null));
    stream.offer("late");

    assertThat(stream.receive(Duration.ofSeconds(1))).contains("a");
    assertThat(stream.receive(Duration.ofSeconds(1))).contains("b");
    assertThatThrownBy(() -> stream.receive(Duration.ofSeconds(1)))
        .isInstanceOf(TransportException.class);
    assertThatThrownBy(() -> stream.receive(Duration.ofSeconds(1)))
        .as("the end stays")
        .isInstanceOf(TransportException.class);
    assertThat(stream.discarded()).isEqualTo(1);
  }

  @Test
  void receiveTimesOutWithoutEndingTheStream() {
    BufferedMessageStream<String> stream = stream(10);
    assertThatThrownBy(() -> stream.receive(Duration.ofMillis(50)))
        .isInstanceOf(ReceiveTimeoutException.class)
        .hasMessageContaining("test stream");
    stream.offer("later");
    assertThat(stream.receive(Duration.ofSeconds(1))).contains("later");
  }

  @Test
  void iteratorEndsAtANormalEndAndTimesOutOtherwise() {
    BufferedMessageStream<String> stream = stream(10);
    stream.offer("a");
    Iterator<String> iterator = stream.iterator();
    assertThat(iterator.next()).isEqualTo("a");
    assertThatThrownBy(iterator::hasNext).isInstanceOf(ReceiveTimeoutException.class);
    stream.complete();
    assertThat(iterator.hasNext()).isFalse();
  }

  @Test
  void overflowEndsTheStreamAfterWhatItBufferedAndCountsTheRest() {
    BufferedMessageStream<String> stream = stream(3);
    for (int i = 0; i < 10; i++) stream.offer("m" + i);

    List<String> got = new ArrayList<>();
    assertThatThrownBy(() -> stream.stream().forEach(got::add))
        .isInstanceOf(StreamOverflowException.class)
        .hasMessageContaining("3 messages")
        .hasMessageContaining("bufferCapacity");
    assertThat(got).containsExactly("m0", "m1", "m2");
    assertThat(stream.discarded()).isEqualTo(7);
  }

  @Test
  void publisherHonoursDemand() throws Exception {
    BufferedMessageStream<String> stream = stream(100);
    List<String> got = new CopyOnWriteArrayList<>();
    CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    CompletableFuture<Void> completed = new CompletableFuture<>();
    stream.subscribe(new Flow.Subscriber<String>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription.complete(s);
      }

      @Override
      public void onNext(String item) {
        got.add(item);
      }

      @Override
      public void onError(Throwable throwable) {
        completed.completeExceptionally(throwable);
      }

      @Override
      public void onComplete() {
        completed.complete(null);
      }
    });
    for (int i = 0; i < 10; i++) stream.offer("m" + i);
    stream.complete();
    Thread.sleep(100);
    assertThat(got).as("nothing without demand").isEmpty();

    subscription.get().request(3);
    awaitSize(got, 3);
    Thread.sleep(100);
    assertThat(got).containsExactly("m0", "m1", "m2");
    assertThat(completed).isNotDone();

    subscription.get().request(Long.MAX_VALUE);
    completed.get(5, TimeUnit.SECONDS);
    assertThat(got).hasSize(10);
  }

  @Test
  void callbacksGetMessagesThenOneEnd() throws Exception {
    BufferedMessageStream<String> stream = stream(100);
    List<String> got = new CopyOnWriteArrayList<>();
    CompletableFuture<SdkException> failed = new CompletableFuture<>();
    stream.listen(got::add, failed::complete, () -> failed.complete(null));
    stream.offer("a");
    stream.offer("b");
    stream.fail(new TransportException("dropped", null));

    assertThat(failed.get(5, TimeUnit.SECONDS)).isInstanceOf(TransportException.class);
    assertThat(got).containsExactly("a", "b");
  }

  @Test
  void aThrowingCallbackClosesTheStreamAndIsReported() throws Exception {
    BufferedMessageStream<String> stream = stream(100);
    CompletableFuture<SdkException> failed = new CompletableFuture<>();
    stream.listen(
        message -> {
          throw new IllegalStateException("boom");
        },
        failed::complete,
        () -> failed.complete(null));
    stream.offer("a");

    assertThat(failed.get(5, TimeUnit.SECONDS))
        .hasMessageContaining("onMessage")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(closes).hasValue(1);
  }

  @Test
  void aSubscriberThatThrowsAtTheEndDoesNotThrowIntoTheProducer() {
    // Delivery on the producer's own thread, the worst case: what the subscriber throws stays out
    // of it.
    BufferedMessageStream<String> stream = new BufferedMessageStream<>(
        "test stream", StreamSettings.defaults(), Runnable::run, () -> {});
    Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
    List<Throwable> reported = new CopyOnWriteArrayList<>();
    Thread.currentThread().setUncaughtExceptionHandler((thread, thrown) -> reported.add(thrown));
    try {
      stream.listen(message -> {}, error -> {}, () -> {
        throw new IllegalStateException("boom at the end");
      });
      stream.offer("a");
      stream.complete();
    } finally {
      Thread.currentThread().setUncaughtExceptionHandler(previous);
    }
    assertThat(reported)
        .singleElement()
        .satisfies(thrown -> assertThat(thrown).hasMessage("boom at the end"));
  }

  @Test
  void aStreamIsReadInOneStyleOnly() throws Exception {
    BufferedMessageStream<String> stream = stream(10);
    stream.iterator();
    CompletableFuture<Throwable> rejected = new CompletableFuture<>();
    stream.listen(message -> {}, rejected::complete, () -> {});
    assertThat(rejected.get(1, TimeUnit.SECONDS))
        .isInstanceOf(SdkException.class)
        .hasCauseInstanceOf(IllegalStateException.class);

    BufferedMessageStream<String> pushed = stream(10);
    pushed.listen(message -> {}, error -> {}, () -> {});
    assertThatThrownBy(() -> pushed.receive(Duration.ofMillis(10)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nonPositiveDemandIsAnErrorPerRule3_9() throws Exception {
    BufferedMessageStream<String> stream = stream(10);
    CompletableFuture<Throwable> error = new CompletableFuture<>();
    stream.subscribe(new Flow.Subscriber<String>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(0);
      }

      @Override
      public void onNext(String item) {}

      @Override
      public void onError(Throwable throwable) {
        error.complete(throwable);
      }

      @Override
      public void onComplete() {}
    });
    assertThat(error.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class);
    assertThat(closes).hasValue(1);
  }

  @Test
  void closingWakesABlockedReaderAndTellsTheProducerOnce() throws Exception {
    BufferedMessageStream<String> stream = stream(10);
    CompletableFuture<Object> read =
        CompletableFuture.supplyAsync(() -> stream.receive(Duration.ofSeconds(5)), executor);
    Thread.sleep(50);
    stream.close();
    stream.close();
    assertThat(read.get(2, TimeUnit.SECONDS)).isEqualTo(java.util.Optional.empty());
    assertThat(closes).hasValue(1);
    assertThat(stream.offer("late")).isFalse();
  }

  private static void awaitSize(List<?> list, int size) throws InterruptedException {
    for (int i = 0; i < 250 && list.size() < size; i++) Thread.sleep(20);
  }
}
