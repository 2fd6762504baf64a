package ai.cartesia.benchmarks;

import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.sse.CurrentEvent;
import ai.cartesia.core.internal.sse.ResponseEventStream;
import ai.cartesia.core.internal.sse.SseParser;
import ai.cartesia.core.internal.ws.FrameDecoder;
import ai.cartesia.core.sse.EventStream;
import ai.cartesia.internal.StreamDecoders;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketResponse;
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
 *   <li>{@code webSocketChunk}: the baseline, the SDK's WebSocket decoder on the frame of the same
 *       chunk as OkHttp hands it over ({@code StreamDecoders.webSocketResponse(Json.mapper())} on
 *       the {@code String}, what {@link ChunkDecodeBenchmark}{@code .sdk} measures): the issue's
 *       yardstick for SSE, measured in the same run.
 *   <li>{@code base64Floor}: {@code java.util.Base64} decoding the payload alone, from a string.
 *   <li>{@code sdk}: what {@code TtsClient.sse} does per event: an {@link EventStream} over a
 *       response body holding the event's bytes ({@link SseParser}, then the same decoder, which
 *       reads the event's data from its bytes). It includes opening and closing the stream, and
 *       copying the bytes into the body's buffer, as the network layer does anyway.
 *   <li>{@code sseParserOnly}: the framing alone ({@link SseParser} over a buffer of the bytes, to
 *       the event, its data still bytes), to show how the SDK's time splits.
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
  private String frame;
  private String base64;
  private FrameDecoder<WebSocketResponse> decoder;

  @Setup
  public void setUp() throws IOException {
    byte[] audio = ChunkFrames.audio(ChunkFrames.audioBytes(size));
    event = ChunkFrames.sseEvent(audio);
    frame = ChunkFrames.frame(audio);
    base64 = Base64.getEncoder().encodeToString(audio);
    decoder = StreamDecoders.webSocketResponse(Json.mapper());
    if (!(sdk() instanceof WebSocketChunkResponse chunk) || !Arrays.equals(chunk.data(), audio)) {
      throw new IllegalStateException("the SDK read another message from the event");
    }
    if (!(webSocketChunk() instanceof WebSocketChunkResponse wsChunk)
        || !Arrays.equals(wsChunk.data(), audio)) {
      throw new IllegalStateException("the WebSocket decoder read another message from the frame");
    }
    if (!parsedData().equals(frame)) {
      throw new IllegalStateException("the SSE parser read other data");
    }
  }

  @Benchmark
  @Baseline
  public WebSocketResponse webSocketChunk() throws IOException {
    return decoder.decode(frame);
  }

  @Benchmark
  public byte[] base64Floor() {
    return Base64.getDecoder().decode(base64);
  }

  @Benchmark
  public WebSocketResponse sdk() {
    try (EventStream<WebSocketResponse> stream = ResponseEventStream.builder(
            ResponseBody.create(event, EVENT_STREAM), decoder)
        .sse()
        .build()) {
      return stream.next();
    }
  }

  @Benchmark
  public CurrentEvent sseParserOnly() throws IOException {
    try (SseParser parser = new SseParser(new Buffer().write(event))) {
      return parser
          .nextEvent(); // its data is read only while the parser is open, as EventStream does
    }
  }

  /** What {@link #sseParserOnly()} reads, as a string, for the checks. */
  String parsedData() throws IOException {
    try (SseParser parser = new SseParser(new Buffer().write(event))) {
      return parser.nextEvent().data();
    }
  }
}
