package ai.cartesia.core.observe;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call that failed and will be tried again.
 *
 * @param method the HTTP method
 * @param url the URL, with any {@code api_key} query value redacted
 * @param pathTemplate the operation's path as the API defines it, if known
 * @param retry which retry this is: 1 for the first, up to the client's {@code maxRetries}
 * @param delay how long the SDK waits before trying again
 * @param status the status that failed, if an answer came
 * @param cause what failed, such as {@code status 503} or the name and message of an I/O error
 */
public record RetryScheduled(
    String method,
    String url,
    Optional<String> pathTemplate,
    int retry,
    Duration delay,
    OptionalInt status,
    String cause) {}
