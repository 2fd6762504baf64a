package ai.cartesia.core.internal.sse;

import java.time.Duration;

/**
 * Interprets the lines of an event stream by the WHATWG rules and says when an event is complete.
 * Kept apart from line splitting so that the JSON-lines reader can share it.
 */
final class EventAssembler {

  /** The first data line of the event being read, null before one; {@code data} joins more lines. */
  private String firstData;
  private final StringBuilder data = new StringBuilder();
  private String eventType = "";
  private String lastEventId = "";
  private Duration retry;

  /** Takes one line; returns the event a blank line completes, otherwise null. */
  ServerSentEvent line(String line) {
    if (line.isEmpty()) return dispatch();
    if (line.charAt(0) == ':') return null; // a comment
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(line.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
    switch (field) {
      case "event":
        eventType = value;
        break;
      case "data":
        // Most events have one data line: keep it as it is, and join only when another comes.
        if (firstData == null) {
          firstData = value;
        } else {
          if (data.length() == 0) data.append(firstData);
          data.append('\n').append(value);
        }
        break;
      case "id":
        if (value.indexOf('\0') < 0) lastEventId = value;
        break;
      case "retry":
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          try {
            retry = Duration.ofMillis(Long.parseLong(value));
          } catch (NumberFormatException tooLarge) {
            // digits only, but beyond a long: ignored like any unusable value
          }
        }
        break;
      default:
        break; // unknown fields are ignored
    }
    return null;
  }

  /**
   * The event in progress, if it has data, and a fresh start; null if there is none. An event
   * whose data buffer is empty is not dispatched.
   */
  ServerSentEvent dispatch() {
    if (firstData == null) {
      eventType = "";
      return null;
    }
    String joined = data.length() == 0 ? firstData : data.toString();
    ServerSentEvent event = new ServerSentEvent(eventType.isEmpty() ? "message" : eventType, joined, lastEventId, retry);
    firstData = null;
    data.setLength(0);
    eventType = "";
    return event;
  }
}
