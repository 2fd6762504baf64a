package ai.cartesia.generator.model;

import java.util.List;

/**
 * A group of operations (a tag of the spec) that becomes one Retrofit service and one client.
 *
 * @param javaName the stem of the generated class names, such as {@code VoiceChanger}
 * @param accessor the method of the top-level client that returns this resource
 */
public record Resource(String javaName, String accessor, Docs docs, List<Operation> operations) {}
