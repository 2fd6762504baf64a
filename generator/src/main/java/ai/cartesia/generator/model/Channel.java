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
 * @param parametersObject the request object that gathers the handshake parameters, if any
 * @param apiKeyQueryParameter the query parameter that carries the API key, if any
 * @param send the type of the JSON messages the client sends, if it sends JSON
 * @param sendsBinary whether the client also sends binary frames (such as audio)
 * @param receive the type of the JSON messages the server sends
 * @param contexts how one socket carries many contexts, for a multiplexed channel
 * @param lastMessageTag the tag of the server message after which a plain session ends
 * @param speech where audio and word timings are in server messages
 * @param textCommands plain-text messages the client can send, such as {@code finalize}
 * @param error which server messages report a failure (of a context, or of a plain session)
 * @param session the typed session classes generated for the channel, if the spec names them
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
    Optional<String> parametersObject,
    Optional<String> apiKeyQueryParameter,
    Optional<TypeRef> send,
    boolean sendsBinary,
    TypeRef receive,
    Optional<Contexts> contexts,
    Optional<String> lastMessageTag,
    Optional<Speech> speech,
    List<String> textCommands,
    Optional<StreamError> error,
    Optional<ChannelSession> session) {

  /**
   * The contexts of a multiplexed channel, by wire names.
   *
   * @param key the property that names a message's context, in both directions
   * @param endsWhen a boolean property of server messages, true on the last of a context
   * @param errorTag the tag of server messages that report a failed context
   * @param errorFields where such a message has its text, first present wins
   * @param cancel the client message that cancels a context
   */
  public record Contexts(
      String key, Optional<String> endsWhen, Optional<String> errorTag, List<String> errorFields, Optional<TypeRef> cancel) {}

  /**
   * Where speech is in server messages, by wire names.
   *
   * @param audio the base64 property with audio
   * @param wordTimestamps the property with an object of {@code words}, {@code start} and {@code end} lists
   */
  public record Speech(String audio, Optional<String> wordTimestamps) {}
}
