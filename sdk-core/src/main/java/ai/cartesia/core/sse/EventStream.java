package ai.cartesia.core.sse;

import ai.cartesia.core.errors.StreamDecodeException;
import ai.cartesia.core.errors.StreamErrorException;
import ai.cartesia.core.errors.StreamTruncatedException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.ws.MessageStream;
import java.util.Iterator;

/**
 * The typed events of a streamed HTTP response (Server-Sent Events, or JSON lines), read lazily
 * as the caller iterates: one event is parsed and decoded per {@link #next()}, and the body is
 * never read whole. It is a {@link MessageStream}: read it once, as an iterator (itself), in a
 * for-each loop, as a {@link java.util.stream.Stream}, or pushed ({@link #subscribe}, {@link
 * #listen}), where a thread of its own reads the body as the subscriber asks for events.
 *
 * <p>How it ends, the same as a WebSocket stream:
 *
 * <ul>
 *   <li>normally right after its terminal message (the {@code done} event), or at the end of the
 *       body when the API declares no terminal message;
 *   <li>with a {@link StreamErrorException} (status, message) when the server sends an error
 *       event: the error is thrown, not returned as an element;
 *   <li>with a {@link StreamTruncatedException} when the body ends before the terminal message,
 *       and with a {@link TransportException} when the connection fails.
 * </ul>
 *
 * Every event before the end is delivered first, and once ended the stream throws the same
 * exception again on every {@link #hasNext()}. An event whose data cannot be decoded does not end
 * the stream: it becomes a {@link StreamDecodeException} on {@link #decodeErrors()} (the one
 * channel for decode errors, on every transport) and the stream goes on with the next event. An
 * event with empty data carries nothing to decode and is passed over.
 *
 * <p>At its end the stream gives its connection back to the pool. Closing it before its end
 * cancels the call and closes the body, so no connection or thread is left behind; close it when
 * leaving early, with try-with-resources.
 *
 * @param <T> the type of the decoded events
 */
public interface EventStream<T> extends Iterator<T>, MessageStream<T> {

  /**
   * Whether another event follows; blocks until one is read, or the stream ends. Throws the
   * exception the stream ended with, if it did not end normally.
   */
  @Override
  boolean hasNext();

  /** The next event; see {@link #hasNext()}. */
  @Override
  T next();

  /** Stops reading: cancels the call and closes the body, unless the stream ended already. */
  @Override
  void close();
}
