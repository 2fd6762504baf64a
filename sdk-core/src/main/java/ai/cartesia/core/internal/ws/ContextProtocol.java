package ai.cartesia.core.internal.ws;

import java.util.Optional;

/**
 * What a multiplexed WebSocket API says about its contexts, so that {@link MultiplexedSession}
 * can route messages without knowing the message types. Generated code implements it from the
 * API definition; for Cartesia's TTS WebSocket the key is {@code context_id}, the last message of a
 * context has {@code done: true}, and a context is cancelled with {@code {"context_id": ..,
 * "cancel": true}}.
 *
 * @param <S> the type of the client's messages
 * @param <R> the type of the server's messages
 */
public interface ContextProtocol<S, R> {

  /** The context a server message belongs to; empty if it names none. */
  Optional<String> contextOf(R message);

  /** Whether the message is the last of its context (for example {@code done: true}). */
  boolean isLast(R message);

  /**
   * What went wrong, if the message reports an error: it ends its context with a {@link
   * ai.cartesia.core.errors.StreamErrorException}, last or not (a later last message is then
   * discarded). The channel's {@link WebSocketChannel#errorOf} reading, which also has the status
   * code, is preferred when the channel has one.
   */
  Optional<String> errorOf(R message);

  /** The message that asks the server to cancel a context. */
  S cancelRequest(String contextId);

  /** The context a client message names, if it names one. */
  Optional<String> contextOfRequest(S message);

  /** The same client message naming {@code contextId}. */
  S withContext(S message, String contextId);

  /**
   * The context of a frame that could not be decoded, if it can be told (for instance a
   * top-level {@code context_id} read with {@link ai.cartesia.core.internal.json.JsonFields#topLevelText});
   * that context then ends with the decode error. Empty sends the error to the session level.
   */
  default Optional<String> contextOfUndecodable(String frame) {
    return Optional.empty();
  }

  /**
   * Whether the message carries audio, so that a context's first audio (the latency a listener
   * hears) can be reported. A protocol without audio keeps the default, false.
   */
  default boolean hasAudio(R message) {
    return false;
  }
}
