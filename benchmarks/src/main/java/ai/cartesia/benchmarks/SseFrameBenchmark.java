package ai.cartesia.benchmarks;

import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.sse.ResponseEventStream;
import ai.cartesia.core.sse.EventStream;
import ai.cartesia.core.internal.sse.ServerSentEvent;
import ai.cartesia.core.internal.sse.SseParser;
import ai.cartesia.core.internal.ws.FrameDecoder;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketResponse;
import ai.cartesia.resources.StreamDecoders;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
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
 * TTS over Server-Sent Events ({@code POST /tts/sse}): the bytes of one event carrying a chunk
 * ({@code event: chunk\ndata: {...}\n\n}, the large or the small chunk of {@link ChunkFrames}) to
 * the typed chunk with its audio as bytes.
 *
 * <ul>
 *   <li>{@code base64Floor}: {@code java.util.Base64} decoding the payload alone, from a string:
 *       the baseline.
 *   <li>{@code sdk}: what {@code TtsClient.sse} does per event: an {@link EventStream} over a
 *       response body holding the event's bytes ({@link SseParser}, UTF-8 decoding of the lines,
 *       then {@code StreamDecoders.webSocketResponse(Json.mapper())}). It includes copying the
 *       bytes into the body's buffer, as the network layer does anyway.
 *   <li>{@code sseParserOnly}: the framing alone ({@link SseParser} over a buffer of the bytes, to
 *       the event's data as a string), to show how the SDK's time splits.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SseFrameBenchmark {

  private static final MediaType EVENT_STREAM = MediaType.get("text/event-stream");

  @Param({"large", "small"})
  public String size;

  private byte[] event;
  private String base64;
  private FrameDecoder<WebSocketResponse> decoder;

  @Setup
  public void setUp() throws IOException {
    byte[] audio = ChunkFrames.audio(ChunkFrames.audioBytes(size));
    event = ChunkFrames.sseEvent(audio);
    base64 = Base64.getEncoder().encodeToString(audio);
    decoder = StreamDecoders.webSocketResponse(Json.mapper());
    if (!(sdk() instanceof WebSocketChunkResponse chunk) || !Arrays.equals(chunk.data(), audio)) {
      throw new IllegalStateException("the SDK read another message from the event");
    }
    if (!sseParserOnly().equals(ChunkFrames.frame(audio))) {
      throw new IllegalStateException("the SSE parser read other data");
    }
  }

  @Benchmark
  @Baseline
  public byte[] base64Floor() {
    return Base64.getDecoder().decode(base64);
  }

  @Benchmark
  public WebSocketResponse sdk() {
    try (EventStream<WebSocketResponse> stream =
        ResponseEventStream.builder(ResponseBody.create(event, EVENT_STREAM), decoder).sse().build()) {
      return stream.next();
    }
  }

  @Benchmark
  public String sseParserOnly() throws IOException {
    ServerSentEvent parsed = new SseParser(new Buffer().write(event)).next();
    return parsed.data();
  }
}
