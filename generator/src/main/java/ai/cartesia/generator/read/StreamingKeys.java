package ai.cartesia.generator.read;

import ai.cartesia.generator.model.ChannelSession;
import ai.cartesia.generator.model.StreamError;
import ai.cartesia.generator.model.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Reads the keys that shape streaming beyond routing: which messages are errors ({@code
 * x-stream-error}, {@code x-websocket} {@code error} and {@code contextError}) and the typed
 * sessions of a channel ({@code x-websocket} {@code session}).
 */
final class StreamingKeys {

  private final BiConsumer<String, String> error;

  /** @param diagnostics where problems are reported, at their pointers */
  StreamingKeys(Diagnostics diagnostics) {
    this.error = diagnostics::error;
  }

  /** The errors of a streamed operation: its {@code x-stream-error}. */
  Optional<StreamError> operationError(Map<String, Object> extensions, String pointer) {
    return extensions == null
        ? Optional.empty()
        : streamError(extensions.get("x-stream-error"), pointer + "/x-stream-error");
  }

  /** The errors of a channel: its {@code error}, or else its {@code contextError}. */
  Optional<StreamError> channelError(Map<?, ?> ws, String where) {
    if (ws.get("error") != null) return streamError(ws.get("error"), where + "/error");
    return streamError(ws.get("contextError"), where + "/contextError");
  }

  /** @param message resolves a {@code $ref} at a pointer to the type it names */
  Optional<ChannelSession> session(
      Map<?, ?> ws, String where, BiFunction<Object, String, TypeRef> message) {
    if (!(ws.get("session") instanceof Map<?, ?> session)) return Optional.empty();
    String at = where + "/session";
    if (!(session.get("name") instanceof String name)) {
      error.accept(at + "/name", "a session needs the name of its class, such as TtsWebSocket");
      return Optional.empty();
    }
    Map<String, String> commands = new LinkedHashMap<>();
    if (session.get("commandMethods") instanceof Map<?, ?> map)
      map.forEach((k, v) -> commands.put(String.valueOf(k), String.valueOf(v)));
    Optional<ChannelSession.IncrementalText> incremental = Optional.empty();
    if (session.get("incrementalText") instanceof Map<?, ?> text) {
      String p = at + "/incrementalText";
      incremental = Optional.of(new ChannelSession.IncrementalText(
          message.apply(text.get("request"), p + "/request"),
          required(text, "text", p),
          required(text, "continue", p),
          required(text, "flush", p),
          required(text, "flushDone", p)));
    }
    return Optional.of(new ChannelSession(
        name,
        Optional.ofNullable(session.get("contextName")).map(String::valueOf),
        Map.copyOf(commands),
        incremental));
  }

  private String required(Map<?, ?> map, String key, String pointer) {
    Object value = map.get(key);
    if (value == null) {
      error.accept(pointer + "/" + key, "incrementalText needs '" + key + "'");
      return key;
    }
    return String.valueOf(value);
  }

  private Optional<StreamError> streamError(Object value, String pointer) {
    if (value == null) return Optional.empty();
    if (!(value instanceof Map<?, ?> map) || !(map.get("tag") instanceof String tag)) {
      error.accept(
          pointer,
          "expected {tag, messageFields, statusField}, with the tag of the error messages");
      return Optional.empty();
    }
    List<String> fields = new ArrayList<>();
    if (map.get("messageFields") instanceof List<?> list)
      list.forEach(f -> fields.add(String.valueOf(f)));
    return Optional.of(new StreamError(
        tag,
        List.copyOf(fields),
        Optional.ofNullable(map.get("statusField")).map(String::valueOf)));
  }
}
