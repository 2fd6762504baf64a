package ai.cartesia.core.internal.sse;

import java.io.Closeable;
import java.io.IOException;

/** Reads the events of a streamed response body one at a time, without reading the body whole. */
public interface EventReader extends Closeable {

  /** The next event, waiting for it, valid until the next read; null at the end of the body. */
  CurrentEvent nextEvent() throws IOException;

  /** The next event as a lasting value; null at the end of the body. */
  default ServerSentEvent next() throws IOException {
    CurrentEvent event = nextEvent();
    return event == null ? null : event.toEvent();
  }
}
