package ai.cartesia.benchmarks;

import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.ws.FrameDecoder;
import ai.cartesia.internal.StreamDecoders;
import ai.cartesia.model.StreamingTranscriptionResponse;
import ai.cartesia.model.TranscriptMessage;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot path of STT streaming: a final {@code transcript} message with the timings of its 20
 * words ({@link SttMessages#transcript()}, about 1 KB), as OkHttp hands it over, to the typed
 * message.
 *
 * <ul>
 *   <li>{@code jacksonTreeFloor}: {@code Json.mapper().readTree(text)}, the cost of only tokenizing
 *       the text into a tree: the baseline.
 *   <li>{@code sdk}: the SDK's decoder, {@code StreamDecoders.streamingTranscriptionResponse}, into
 *       the generated union ({@code TranscriptMessage} with its {@code TranscriptionWord}s).
 *   <li>{@code jacksonPojo}: data binding into public-field POJOs, what a hand-written client does.
 *   <li>{@code openApiGenerator}: the models OpenAPI Generator (java, okhttp-gson) emits for the
 *       same spec: {@code StreamingTranscriptionResponse.fromJson}, Gson and its oneOf union.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SttMessageBenchmark {

  private String text;
  private FrameDecoder<StreamingTranscriptionResponse> sdk;
  private ObjectReader pojoReader;

  /** The transcript as a hand-written client models it. */
  public static final class TranscriptPojo {
    @JsonProperty("type")
    public String type;

    @JsonProperty("request_id")
    public String requestId;

    @JsonProperty("text")
    public String text;

    @JsonProperty("is_final")
    public boolean isFinal;

    @JsonProperty("duration")
    public double duration;

    @JsonProperty("language")
    public String language;

    @JsonProperty("words")
    public List<WordPojo> words;
  }

  /** One word and its times, in seconds. */
  public static final class WordPojo {
    @JsonProperty("word")
    public String word;

    @JsonProperty("start")
    public double start;

    @JsonProperty("end")
    public double end;
  }

  @Setup
  public void setUp() throws IOException {
    text = SttMessages.transcript();
    sdk = StreamDecoders.streamingTranscriptionResponse(Json.mapper());
    pojoReader = Json.mapper().readerFor(TranscriptPojo.class);
    int words = SttMessages.WORDS.size();
    if (!(sdk() instanceof TranscriptMessage message)
        || message.words().orElseThrow().size() != words) {
      throw new IllegalStateException("the SDK read another message");
    }
    if (jacksonPojo().words.size() != words)
      throw new IllegalStateException("the POJO read other words");
    if (openApiGenerator().getTranscriptMessage().getWords().size() != words) {
      throw new IllegalStateException("OpenAPI Generator's models read other words");
    }
    if (jacksonTreeFloor().path("words").size() != words)
      throw new IllegalStateException("the tree has other words");
  }

  @Benchmark
  @Baseline
  public JsonNode jacksonTreeFloor() throws IOException {
    return Json.mapper().readTree(text);
  }

  @Benchmark
  public StreamingTranscriptionResponse sdk() throws IOException {
    return sdk.decode(text);
  }

  @Benchmark
  public TranscriptPojo jacksonPojo() throws IOException {
    return pojoReader.readValue(text);
  }

  @Benchmark
  public ai.cartesia.benchmarks.openapigenerator.model.StreamingTranscriptionResponse
      openApiGenerator() throws IOException {
    return ai.cartesia.benchmarks.openapigenerator.model.StreamingTranscriptionResponse.fromJson(
        text);
  }
}
