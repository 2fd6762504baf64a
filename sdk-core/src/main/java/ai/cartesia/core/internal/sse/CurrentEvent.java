package ai.cartesia.core.internal.sse;

import ai.cartesia.core.internal.json.TextDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The event an {@link EventReader} has just read, valid only until it reads again or closes: one
 * object per reader, and the data left as the bytes that carried it when they are plain ASCII
 * (the case of every JSON event), so that a decoder reads them where they are. {@link #toEvent()}
 * makes the lasting {@link ServerSentEvent}.
 */
public final class CurrentEvent {

  private String event;
  private String lastEventId;
  private Duration retry;
  /** The data as a string, or null while it is only {@code bytes[offset, offset + length)} (ASCII). */
  private String text;

  private byte[] bytes;
  private int offset;
  private int length;

  CurrentEvent() {}

  void set(String event, String lastEventId, Duration retry) {
    this.event = event;
    this.lastEventId = lastEventId;
    this.retry = retry;
  }

  void data(String text) {
    this.text = text;
    this.bytes = null;
  }

  void asciiData(byte[] bytes, int offset, int length) {
    this.text = null;
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
  }

  /** The event type; {@code message} when the stream named none. */
  public String event() {
    return event;
  }

  /** The last event id set by an {@code id} field so far in the stream; empty if none. */
  public String lastEventId() {
    return lastEventId;
  }

  public Optional<Duration> retry() {
    return Optional.ofNullable(retry);
  }

  public boolean dataIsEmpty() {
    return text != null ? text.isEmpty() : length == 0;
  }

  /** The data as a string, made on the first call. */
  public String data() {
    if (text == null) text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    return text;
  }

  /** The data decoded by {@code decoder}, from its bytes when it has them. */
  public <T> T decodeData(TextDecoder<T> decoder) throws IOException {
    return text != null ? decoder.decode(text) : decoder.decode(bytes, offset, length);
  }

  public ServerSentEvent toEvent() {
    return new ServerSentEvent(event, data(), lastEventId, retry);
  }

  @Override
  public String toString() {
    return "CurrentEvent{event=" + event + ", id=" + lastEventId + ", data="
        + (text != null ? text.length() : length) + " chars}";
  }
}
