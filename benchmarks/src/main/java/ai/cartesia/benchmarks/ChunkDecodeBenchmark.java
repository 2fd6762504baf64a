package ai.cartesia.benchmarks;

import ai.cartesia.core.json.Json;
import ai.cartesia.core.ws.FrameDecoder;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot path of TTS streaming: one chunk frame, as OkHttp hands it over (a {@code String}),
 * to a typed chunk with its audio as bytes. {@code base64Floor} decodes only the base64 payload
 * with {@code java.util.Base64}: no decoder can do less, so it is the baseline of the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChunkDecodeBenchmark {

  @Param({"large", "small"})
  public String size;

  private String frame;
  private String base64;
  private FrameDecoder<WebSocketResponse> decoder;

  @Setup
  public void setUp() throws IOException {
    byte[] audio = ChunkFrames.audio(ChunkFrames.audioBytes(size));
    frame = ChunkFrames.frame(audio);
    base64 = Base64.getEncoder().encodeToString(audio);
    decoder = FrameDecoder.json(Json.mapper(), WebSocketResponse.class);
    WebSocketChunkResponse chunk = (WebSocketChunkResponse) decoder.decode(frame);
    if (!java.util.Arrays.equals(chunk.data(), audio)) throw new IllegalStateException("the SDK decoded other bytes");
  }

  @Benchmark
  public byte[] base64Floor() {
    return Base64.getDecoder().decode(base64);
  }

  @Benchmark
  public WebSocketResponse sdk() throws IOException {
    return decoder.decode(frame);
  }
}
