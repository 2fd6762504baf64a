package ai.cartesia.core.observe;

import java.time.Duration;

/**
 * The first audio of a context: the latency a listener hears.
 *
 * @param contextId the context's id
 * @param url the URL of its WebSocket, with the API key redacted
 * @param sinceFirstSend from the context's first message to the server until its first audio
 */
public record FirstAudio(String contextId, String url, Duration sinceFirstSend) {}
