package ai.cartesia.core.observe;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A WebSocket that ended.
 *
 * @param id the id its {@link WebSocketOpened} carried (a refused handshake has an id, but no open)
 * @param url the ws(s) URL, with the API key redacted
 * @param code the close code of a close handshake, such as 1000; empty when the socket failed or
 *     was dropped
 * @param reason the reason given with the close code; empty if none
 * @param failure why the socket failed (a refused handshake, a dropped connection); empty for a
 *     close handshake
 * @param duration from the start of the handshake to the end
 */
public record WebSocketClosed(
    long id,
    String url,
    OptionalInt code,
    String reason,
    Optional<Throwable> failure,
    Duration duration) {}
