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
import okio.Okio;
import okio.Source;
import okio.Timeout;
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
import org.openjdk.jmh.annotations.TearDown;
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
 *       yardstick for SSE, measured in the same run. Like it, it leaves out what a connection
 *       costs once (the socket, the upgrade).
 *   <li>{@code base64Floor}: {@code java.util.Base64} decoding the payload alone, from a string.
 *   <li>{@code sdk}: one event of a long response, which is what a TTS response is (one chunk
 *       event per 20 to 100 ms of audio): {@code next()} of one {@link EventStream} opened in the
 *       set-up over a response body that never ends. The body's source hands out the event's bytes
 *       again and again, as a socket with data waiting would: every read fills the 8 KiB Okio asks
 *       for, copying the bytes into Okio's buffer, cut wherever the 8 KiB end (so reads do not line
 *       up with events). Per event, then, everything is done as in a real response: its bytes are
 *       copied in, split into lines, searched for their ends, interpreted as fields, and the data
 *       decoded into a new chunk with new audio bytes; only opening and closing the response is
 *       not in it.
 *   <li>{@code sdkOneEventStream}: the same event as a response of its own, what {@code sdk}
 *       measured before: a response body of only that event, an {@link EventStream} opened over
 *       it, one {@code next()}, and the stream closed, so the cost of a response (the stream, the
 *       parser, its buffer from the per-thread spare, the close) counts once per event.
 *   <li>{@code sseParserOnly}: the framing alone, per event of a long response: {@link SseParser}
 *       over the same never-ending source, to the event with its data still bytes (not decoded),
 *       to show how the SDK's time splits.
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
  /** Enough events read in the set-up's check to see every place where an 8 KiB read cuts one. */
  private static final int CHECKED_EVENTS = 64;

  @Param({"large", "small"})
  public String size;

  private byte[] event;
  private String frame;
  private String base64;
  private FrameDecoder<WebSocketResponse> decoder;
  private EventStream<WebSocketResponse> stream;
  private SseParser parser;

  @Setup
  public void setUp() throws IOException {
    byte[] audio = ChunkFrames.audio(ChunkFrames.audioBytes(size));
    event = ChunkFrames.sseEvent(audio);
    frame = ChunkFrames.frame(audio);
    base64 = Base64.getEncoder().encodeToString(audio);
    decoder = StreamDecoders.webSocketResponse(Json.mapper());
    stream = ResponseEventStream.builder(
            ResponseBody.create(Okio.buffer(new RepeatingSource(event)), EVENT_STREAM, -1), decoder)
        .sse()
        .build();
    parser = new SseParser(Okio.buffer(new RepeatingSource(event)));
    for (int i = 0; i < CHECKED_EVENTS; i++) {
      if (!(sdk() instanceof WebSocketChunkResponse chunk) || !Arrays.equals(chunk.data(), audio)) {
        throw new IllegalStateException("the SDK read another message from event " + i);
      }
      CurrentEvent parsed = sseParserOnly();
      if (!parsed.event().equals("chunk") || !parsed.data().equals(frame)) {
        throw new IllegalStateException("the SSE parser read other data from event " + i);
      }
    }
    if (!(sdkOneEventStream() instanceof WebSocketChunkResponse chunk)
        || !Arrays.equals(chunk.data(), audio)) {
      throw new IllegalStateException("the SDK read another message from the one-event stream");
    }
    if (!(webSocketChunk() instanceof WebSocketChunkResponse wsChunk)
        || !Arrays.equals(wsChunk.data(), audio)) {
      throw new IllegalStateException("the WebSocket decoder read another message from the frame");
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    stream.close();
    parser.close();
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
    return stream.next();
  }

  @Benchmark
  public WebSocketResponse sdkOneEventStream() {
    try (EventStream<WebSocketResponse> stream = ResponseEventStream.builder(
            ResponseBody.create(event, EVENT_STREAM), decoder)
        .sse()
        .build()) {
      return stream.next();
    }
  }

  @Benchmark
  public CurrentEvent sseParserOnly() throws IOException {
    return parser.nextEvent(); // its data is valid until the next read, as EventStream reads it
  }

  /** What {@link #sseParserOnly()} reads from a body of the one event, as a string, for the checks. */
  String parsedData() throws IOException {
    try (SseParser parser = new SseParser(new Buffer().write(event))) {
      return parser.nextEvent().data();
    }
  }

  /**
   * An endless body of the same event over and over, read the way a socket with data waiting is:
   * each read copies as many bytes as asked for (Okio asks for 8 KiB) into the sink, so a read may
   * end anywhere in an event.
   */
  static final class RepeatingSource implements Source {
    private final byte[] bytes;
    private int position;

    RepeatingSource(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      long left = byteCount;
      while (left > 0) {
        int count = (int) Math.min(left, bytes.length - position);
        sink.write(bytes, position, count);
        position = (position + count) % bytes.length;
        left -= count;
      }
      return byteCount;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }
}
