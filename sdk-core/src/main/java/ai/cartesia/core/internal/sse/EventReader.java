package ai.cartesia.core.internal.sse;

import java.io.Closeable;
import java.io.IOException;

/** Reads the events of a streamed response body one at a time, without reading the body whole. */
public interface EventReader extends Closeable {

  /** The next event, waiting for it; null at the end of the body. */
  ServerSentEvent next() throws IOException;
}
