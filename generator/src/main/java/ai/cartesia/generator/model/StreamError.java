package ai.cartesia.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * Which streamed messages report a failure, by wire names: such a message ends its stream with an
 * error instead of arriving as an element.
 *
 * @param tag the tag ({@code type}) of such messages, such as {@code error}
 * @param messageFields where their text is, first present wins
 * @param statusField the property with their status code, if they have one
 */
public record StreamError(String tag, List<String> messageFields, Optional<String> statusField) {}
