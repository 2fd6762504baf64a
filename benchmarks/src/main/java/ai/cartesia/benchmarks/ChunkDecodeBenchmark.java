package ai.cartesia.benchmarks;

import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.ws.FrameDecoder;
import ai.cartesia.internal.StreamDecoders;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Arrays;
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
 * to a typed chunk with its audio as bytes.
 *
 * <ul>
 *   <li>{@code base64Floor}: {@code java.util.Base64} decoding the payload alone, from a string;
 *       no decoder can do less, so it is the baseline of every ratio.
 *   <li>{@code sdk}: the SDK's decoder ({@code StreamDecoders.webSocketResponse}).
 *   <li>{@code jacksonBinding}: plain data binding of the frame into the generated union, Jackson
 *       decoding the base64 into the {@code byte[]} field.
 *   <li>{@code jacksonPojoString}: data binding into a POJO with a {@code String} field, then
 *       {@code java.util.Base64}: what most hand-written clients do.
 *   <li>{@code openApiGenerator}: the models OpenAPI Generator's Java generator (library {@code
 *       okhttp-gson}) emits for the same spec, generated at build time into {@code
 *       target/generated-sources}: its {@code WebSocketResponse.fromJson} (Gson, through its {@code
 *       JSON} class) reads the frame into the {@code oneOf} union, then the audio bytes come from
 *       the chunk's {@code byte[] data}. The union reads the frame into a {@code JsonElement},
 *       validates it against every variant (five of the six fail, each with an exception whose
 *       message quotes the whole frame), then binds the one that matched.
 * </ul>
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
  private FrameDecoder<WebSocketResponse> sdk;
  private FrameDecoder<WebSocketResponse> binding;
  private ObjectReader pojoReader;

  /** The chunk as a hand-written client models it. */
  public static final class ChunkPojo {
    @JsonProperty("type")
    public String type;

    @JsonProperty("data")
    public String data;

    @JsonProperty("done")
    public boolean done;

    @JsonProperty("status_code")
    public int statusCode;

    @JsonProperty("step_time")
    public double stepTime;

    @JsonProperty("context_id")
    public String contextId;
  }

  /** A decoded POJO chunk: the fields and the audio bytes. */
  public record PojoChunk(ChunkPojo fields, byte[] audio) {}

  @Setup
  public void setUp() throws IOException {
    byte[] audio = ChunkFrames.audio(ChunkFrames.audioBytes(size));
    frame = ChunkFrames.frame(audio);
    base64 = Base64.getEncoder().encodeToString(audio);
    sdk = StreamDecoders.webSocketResponse(Json.mapper());
    binding = FrameDecoder.json(Json.mapper(), WebSocketResponse.class);
    pojoReader = Json.mapper().readerFor(ChunkPojo.class);
    for (FrameDecoder<WebSocketResponse> decoder : java.util.List.of(sdk, binding)) {
      if (!Arrays.equals(((WebSocketChunkResponse) decoder.decode(frame)).data(), audio)) {
        throw new IllegalStateException("a decoder read other bytes");
      }
    }
    if (!Arrays.equals(jacksonPojoString().audio(), audio))
      throw new IllegalStateException("the POJO read other bytes");
    if (!Arrays.equals(openApiGenerator(), audio)) {
      throw new IllegalStateException("OpenAPI Generator's models read other bytes");
    }
  }

  @Benchmark
  @Baseline
  public byte[] base64Floor() {
    return Base64.getDecoder().decode(base64);
  }

  @Benchmark
  public WebSocketResponse sdk() throws IOException {
    return sdk.decode(frame);
  }

  @Benchmark
  public WebSocketResponse jacksonBinding() throws IOException {
    return binding.decode(frame);
  }

  @Benchmark
  public PojoChunk jacksonPojoString() throws IOException {
    ChunkPojo pojo = pojoReader.readValue(frame);
    return new PojoChunk(pojo, Base64.getDecoder().decode(pojo.data));
  }

  @Benchmark
  public byte[] openApiGenerator() throws IOException {
    return ai.cartesia.benchmarks.openapigenerator.model.WebSocketResponse.fromJson(frame)
        .getWebSocketChunkResponse()
        .getData();
  }
}
