package ai.cartesia.core.internal.sse;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of an event stream, as the WHATWG rules dispatch it: its type ({@code message} unless
 * an {@code event} field named another), its data (the {@code data} lines joined with {@code
 * \n}), the last event id the stream set, and the reconnection time the stream last asked for.
 */
public final class ServerSentEvent {

  private final String event;
  private final String data;
  private final String lastEventId;
  private final Duration retry;

  public ServerSentEvent(String event, String data, String lastEventId, Duration retry) {
    this.event = Objects.requireNonNull(event, "event");
    this.data = Objects.requireNonNull(data, "data");
    this.lastEventId = Objects.requireNonNull(lastEventId, "lastEventId");
    this.retry = retry;
  }

  /** The event type; {@code message} when the stream named none. */
  public String event() {
    return event;
  }

  public String data() {
    return data;
  }

  /** The last event id set by an {@code id} field so far in the stream; empty if none. */
  public String lastEventId() {
    return lastEventId;
  }

  /** The reconnection time the stream last set with a {@code retry} field, if any. */
  public Optional<Duration> retry() {
    return Optional.ofNullable(retry);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServerSentEvent that
        && event.equals(that.event)
        && data.equals(that.data)
        && lastEventId.equals(that.lastEventId)
        && Objects.equals(retry, that.retry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(event, data, lastEventId, retry);
  }

  @Override
  public String toString() {
    return "ServerSentEvent{event=" + event + ", id=" + lastEventId + ", data=" + data.length()
        + " chars}";
  }
}
