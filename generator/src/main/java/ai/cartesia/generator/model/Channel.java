package ai.cartesia.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * A WebSocket channel: where to connect, what the client sends and what the server sends.
 *
 * @param javaName the stem of the generated names, such as {@code TtsWebsocket}
 * @param methodName the method of the resource client that connects
 * @param resource the accessor of the resource the channel belongs to
 * @param path the path relative to the base URL, without a leading slash
 * @param parameters query parameters of the handshake (constants included)
 * @param apiKeyQueryParameter the query parameter that carries the API key, if any
 * @param send the type of the JSON messages the client sends, if it sends JSON
 * @param sendsBinary whether the client also sends binary frames (such as audio)
 * @param receive the type of the JSON messages the server sends
 * @param multiplexKey the property of server messages that names the context they belong to
 * @param textCommands plain-text messages the client can send, such as {@code finalize}
 */
public record Channel(
    String name,
    String pointer,
    String javaName,
    String methodName,
    String resource,
    String path,
    Docs docs,
    List<Parameter> parameters,
    Optional<String> apiKeyQueryParameter,
    Optional<TypeRef> send,
    boolean sendsBinary,
    TypeRef receive,
    Optional<String> multiplexKey,
    List<String> textCommands) {}
