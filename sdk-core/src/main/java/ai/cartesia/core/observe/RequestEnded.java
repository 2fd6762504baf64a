package ai.cartesia.core.observe;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An HTTP request that got its answer, or failed without one.
 *
 * @param request the start of this request
 * @param status the HTTP status; empty if no answer came (then {@code failure} says why)
 * @param duration from sending to the answer's headers
 * @param failure why no answer came (a timeout, a dropped connection, a cancel); empty when a
 *     status came, whatever it was
 */
public record RequestEnded(
    RequestStarted request, OptionalInt status, Duration duration, Optional<Throwable> failure) {}
