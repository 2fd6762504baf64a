package ai.cartesia.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.model.WebSocketChunkResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every decoder of ChunkDecodeBenchmark reads the same audio from the same frame. */
class ChunkDecodeBenchmarkTest {

  @ParameterizedTest
  @ValueSource(strings = {"large", "small"})
  void everyDecoderReadsTheAudioOfTheFrame(String size) throws Exception {
    byte[] audio = ChunkFrames.audio(ChunkFrames.audioBytes(size));
    ChunkDecodeBenchmark benchmark = new ChunkDecodeBenchmark();
    benchmark.size = size;
    benchmark.setUp();

    assertThat(benchmark.base64Floor()).isEqualTo(audio);
    WebSocketChunkResponse sdk = (WebSocketChunkResponse) benchmark.sdk();
    assertThat(sdk.data()).isEqualTo(audio);
    assertThat(sdk.contextId()).contains(ChunkFrames.CONTEXT_ID);
    assertThat(((WebSocketChunkResponse) benchmark.jacksonBinding()).data()).isEqualTo(audio);
    assertThat(benchmark.jacksonPojoString().audio()).isEqualTo(audio);
    assertThat(benchmark.openApiGenerator()).isEqualTo(audio);
  }

  @ParameterizedTest
  @ValueSource(strings = {"large", "small"})
  void openApiGeneratorsUnionPicksTheChunkWithAllItsFields(String size) throws Exception {
    byte[] audio = ChunkFrames.audio(ChunkFrames.audioBytes(size));
    var response = ai.cartesia.benchmarks.openapigenerator.model.WebSocketResponse.fromJson(
        ChunkFrames.frame(audio));
    var chunk = response.getWebSocketChunkResponse();
    assertThat(chunk.getData()).isEqualTo(audio);
    assertThat(chunk.getContextId()).isEqualTo(ChunkFrames.CONTEXT_ID);
    assertThat(chunk.getStatusCode()).isEqualTo(206);
    assertThat(chunk.getDone()).isFalse();
    assertThat(chunk.getStepTime()).isEqualTo(41.2);
  }
}
