package ai.cartesia.core.observe;

import java.time.Duration;

/**
 * A WebSocket that completed its handshake.
 *
 * @param id unique within the JVM; the {@link WebSocketClosed} of this socket carries the same
 * @param url the ws(s) URL, with the API key redacted
 * @param handshake how long the handshake took
 */
public record WebSocketOpened(long id, String url, Duration handshake) {}
