package ai.cartesia.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.WebSocket;

/**
 * The fake TTS WebSocket ({@code /tts/websocket}). Per {@code context_id}: each generation message
 * is answered with {@link FakeCartesiaServer#chunksPerGeneration()} chunks of {@link FakeAudio},
 * word timestamps if {@code add_timestamps}, {@code flush_done} after a flush, and {@code done}
 * after {@code continue: false}. A cancel drops the context's frames not yet sent and ends it with
 * {@code done}. Invalid requests get an {@code error} that ends their context.
 */
final class TtsSocket extends FakeSocket {

  private final int chunks;
  private final int chunkBytes;
  /** The number of flushes of each context so far. */
  private final Map<String, Integer> flushes = new ConcurrentHashMap<>();

  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  /** Contexts whose last message (done or error) has been written; touched by the writer thread only. */
  private final Set<String> finished = new HashSet<>();

  TtsSocket(Faults faults, Runnable drop, int chunks, int chunkBytes) {
    super(faults, drop, "fake-cartesia-tts-writer");
    this.chunks = chunks;
    this.chunkBytes = chunkBytes;
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    ObjectNode request = Json.parseObject(text);
    if (request == null) {
      send(null, Messages.error(null, 400, "a message must be a JSON object"));
      return;
    }
    String contextId =
        request.path("context_id").isTextual() ? request.get("context_id").asText() : null;
    if (request.path("cancel").asBoolean(false)) {
      cancel(contextId);
      return;
    }
    if (contextId != null && cancelled.contains(contextId))
      return; // input after a cancel is ignored
    String problem = Generation.problem(request);
    if (problem == null) problem = Generation.failure(request);
    if (problem != null) {
      sendLast(contextId, Messages.error(contextId, 400, problem));
      return;
    }
    Generation.audioMessages(request, contextId, chunks, chunkBytes)
        .forEach(message -> send(contextId, message));
    if (request.path("flush").asBoolean(false) && contextId != null) {
      send(contextId, Messages.flushDone(contextId, flushes.merge(contextId, 1, Integer::sum)));
    }
    if (!request.path("continue").asBoolean(false))
      sendLast(contextId, Messages.done(contextId, 206));
  }

  /** Queues the last message of a context, remembering once it is written. */
  private void sendLast(String contextId, String message) {
    later(() -> {
      if (suppressed(contextId)) return;
      write(contextId, message);
      if (contextId != null) finished.add(contextId);
    });
  }

  /** Leaves out the context's frames not yet written and ends it with done, unless it has ended. */
  private void cancel(String contextId) {
    if (contextId == null || !cancelled.add(contextId)) return;
    later(() -> {
      if (finished.add(contextId)) write(contextId, Messages.done(contextId, 206));
    });
  }

  @Override
  boolean suppressed(String contextId) {
    return contextId != null && cancelled.contains(contextId);
  }
}
