package ai.cartesia.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.model.WebSocketChunkResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSE benchmark's event carries the chunk, and the SDK reads its audio from it. */
class SseFrameBenchmarkTest {

  @ParameterizedTest
  @ValueSource(strings = {"large", "small"})
  void theSdkReadsTheAudioOfTheEvent(String size) throws Exception {
    byte[] audio = ChunkFrames.audio(ChunkFrames.audioBytes(size));
    SseFrameBenchmark benchmark = new SseFrameBenchmark();
    benchmark.size = size;
    benchmark.setUp();

    assertThat(new String(ChunkFrames.sseEvent(audio), StandardCharsets.UTF_8))
        .startsWith("event: chunk\ndata: {\"type\":\"chunk\",\"data\":\"")
        .endsWith("}\n\n");
    assertThat(benchmark.base64Floor()).isEqualTo(audio);
    WebSocketChunkResponse chunk = (WebSocketChunkResponse) benchmark.sdk();
    assertThat(chunk.data()).isEqualTo(audio);
    assertThat(chunk.contextId()).contains(ChunkFrames.CONTEXT_ID);
    assertThat(((WebSocketChunkResponse) benchmark.webSocketChunk()).data()).isEqualTo(audio);
    assertThat(benchmark.parsedData()).isEqualTo(ChunkFrames.frame(audio));
    WebSocketChunkResponse alone = (WebSocketChunkResponse) benchmark.sdkOneEventStream();
    assertThat(alone.data()).isEqualTo(audio);
    assertThat(benchmark.sseParserOnly().data()).isEqualTo(ChunkFrames.frame(audio));
    benchmark.tearDown();
  }

  @ParameterizedTest
  @ValueSource(strings = {"large", "small"})
  void theLongResponseReadsEveryEventWhereverTheReadsCutIt(String size) throws Exception {
    byte[] audio = ChunkFrames.audio(ChunkFrames.audioBytes(size));
    byte[] event = ChunkFrames.sseEvent(audio);
    SseFrameBenchmark.RepeatingSource source = new SseFrameBenchmark.RepeatingSource(event);
    okio.Buffer sink = new okio.Buffer();
    for (int i = 0; i < 7; i++) source.read(sink, 8192);
    byte[] read = sink.readByteArray();
    for (int i = 0; i < read.length; i++) assertThat(read[i]).isEqualTo(event[i % event.length]);

    SseFrameBenchmark benchmark = new SseFrameBenchmark();
    benchmark.size = size;
    benchmark.setUp(); // reads 64 events and checks each
    for (int i = 0; i < 100; i++) {
      assertThat(((WebSocketChunkResponse) benchmark.sdk()).data()).isEqualTo(audio);
    }
    benchmark.tearDown();
  }
}
