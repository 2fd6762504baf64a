package ai.cartesia.core.observe;

import java.util.Optional;

/**
 * An HTTP request about to be sent.
 *
 * @param id unique within the JVM; the {@link RequestEnded} of this request carries the same
 * @param method the HTTP method, such as {@code POST}
 * @param url the full URL, with any {@code api_key} query value redacted
 * @param pathTemplate the operation's path as the API defines it, such as {@code voices/{id}}
 *     (one value per operation, fit for a metric's tag); empty for a request the SDK did not
 *     make from an operation
 */
public record RequestStarted(long id, String method, String url, Optional<String> pathTemplate) {}
