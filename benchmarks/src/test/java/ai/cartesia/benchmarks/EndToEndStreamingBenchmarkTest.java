package ai.cartesia.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loopback set-ups of EndToEndStreamingBenchmark deliver each context its own frame: the SDK
 * its audio, the bare listener its text; with one context and with 50 at once.
 */
@Timeout(60)
class EndToEndStreamingBenchmarkTest {

  private static final int ROUND_TRIPS = 20;

  @Test
  void theSdkDeliversEachContextItsAudio() throws Exception {
    EndToEndStreamingBenchmark.SdkSocket socket = new EndToEndStreamingBenchmark.SdkSocket();
    socket.open();
    try {
      EndToEndStreamingBenchmark.SdkContext one = new EndToEndStreamingBenchmark.SdkContext();
      one.open(socket);
      for (int i = 0; i < ROUND_TRIPS; i++) {
        assertThat(EndToEndStreamingBenchmark.sdkRoundTrip(socket, one))
            .isEqualTo(EndToEndStreamingBenchmark.AUDIO);
      }
      inParallel(50, () -> {
        EndToEndStreamingBenchmark.SdkContext context = new EndToEndStreamingBenchmark.SdkContext();
        context.open(socket);
        for (int i = 0; i < ROUND_TRIPS; i++) {
          assertThat(EndToEndStreamingBenchmark.sdkRoundTrip(socket, context))
              .isEqualTo(EndToEndStreamingBenchmark.AUDIO);
        }
        return null;
      });
      assertThat(socket.session.contextIds()).hasSize(51);
    } finally {
      socket.close();
    }
  }

  @Test
  void theBareListenerHandsEachThreadItsFrame() throws Exception {
    EndToEndStreamingBenchmark.BareSocket socket = new EndToEndStreamingBenchmark.BareSocket();
    socket.open();
    try {
      EndToEndStreamingBenchmark.BareContext one = new EndToEndStreamingBenchmark.BareContext();
      one.open(socket);
      for (int i = 0; i < ROUND_TRIPS; i++) {
        assertThat(EndToEndStreamingBenchmark.bareRoundTrip(socket, one)).isEqualTo(one.frame);
      }
      inParallel(50, () -> {
        EndToEndStreamingBenchmark.BareContext context =
            new EndToEndStreamingBenchmark.BareContext();
        context.open(socket);
        for (int i = 0; i < ROUND_TRIPS; i++) {
          assertThat(EndToEndStreamingBenchmark.bareRoundTrip(socket, context))
              .isEqualTo(context.frame);
        }
        return null;
      });
    } finally {
      socket.close();
    }
  }

  @Test
  void theDecodingPeerReadsTheAudioOfTheFrame() throws Exception {
    assertThat(EndToEndStreamingBenchmark.decode(
            ChunkFrames.frame(EndToEndStreamingBenchmark.AUDIO, "context-3")))
        .isEqualTo(EndToEndStreamingBenchmark.AUDIO);
  }

  @Test
  void theContextIdIsReadFromTheEndOfTheFrame() {
    assertThat(EndToEndStreamingBenchmark.contextAtEnd(
            ChunkFrames.frame(new byte[] {1, 2, 3}, "context-17")))
        .isEqualTo("context-17");
  }

  private static void inParallel(int threads, Callable<Void> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) results.add(pool.submit(task));
      for (Future<Void> result : results) result.get();
    } finally {
      pool.shutdownNow();
    }
  }
}
