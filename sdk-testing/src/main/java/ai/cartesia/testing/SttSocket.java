package ai.cartesia.testing;

import java.util.ArrayList;
import java.util.List;
import okhttp3.WebSocket;
import okio.ByteString;

/**
 * The fake STT WebSocket ({@code /stt/websocket}). It hears one word per 100 ms of audio received
 * ({@link FakeTranscript}) and sends an interim {@code transcript} for each new word;
 * on {@code finalize} a final transcript of the words since the last one and {@code flush_done};
 * on {@code done} the same, then {@code done}, then it closes the connection normally.
 */
final class SttSocket extends FakeSocket {

  private final String requestId;
  private final long bytesPerWord;
  private long received;
  private int wordsHeard;
  private int firstPending;
  private final List<String> pending = new ArrayList<>();

  SttSocket(Faults faults, Runnable drop, String requestId, int sampleRate, int bytesPerSample) {
    super(faults, drop, "fake-cartesia-stt-writer");
    this.requestId = requestId;
    this.bytesPerWord =
        Math.max(1, Math.round(sampleRate * bytesPerSample * FakeTranscript.SECONDS_PER_WORD));
  }

  @Override
  public synchronized void onMessage(WebSocket webSocket, ByteString bytes) {
    received += bytes.size();
    while (received >= (wordsHeard + 1) * bytesPerWord) {
      pending.add(FakeTranscript.word(wordsHeard));
      wordsHeard++;
      send(null, Messages.transcript(requestId, List.copyOf(pending), firstPending, false));
    }
  }

  @Override
  public synchronized void onMessage(WebSocket webSocket, String text) {
    switch (text) {
      case "finalize":
        finalTranscript();
        send(null, Messages.sttEvent("flush_done", requestId));
        break;
      case "done":
        finalTranscript();
        send(null, Messages.sttEvent("done", requestId));
        closeAfterFrames();
        break;
      default:
        send(null, Messages.sttError(requestId, "unknown command: " + text));
    }
  }

  private void finalTranscript() {
    if (pending.isEmpty()) return;
    send(null, Messages.transcript(requestId, List.copyOf(pending), firstPending, true));
    firstPending += pending.size();
    pending.clear();
  }
}
