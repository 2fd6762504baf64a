package ai.cartesia.generator.read;

import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Pagination;
import ai.cartesia.generator.model.TypeDecl;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code x-} extension the generator reads, read here and nowhere else, in the order of
 * the table in {@code spec/README.md}. Each method returns what the extension says in the
 * generator's terms; malformed values are warnings at the extension's pointer.
 */
final class Extensions {

  static final String CLIENT_NAME = "x-client-name";
  static final String JAVA_NAME = "x-java-name";
  static final String WEBSOCKET = "x-websocket";
  static final String STREAM_FRAMING = "x-stream-framing";
  static final String PAGINATION = "x-pagination";
  static final String STREAM_ENDS_WHEN = "x-stream-ends-when";
  static final String WHEN_UNTAGGED = "x-when-untagged";

  private Extensions() {}

  /** {@code x-client-name} on {@code info}: the name of the top-level client class. */
  static Optional<String> clientName(Info info) {
    return text(info == null ? null : info.getExtensions(), CLIENT_NAME);
  }

  /** {@code x-java-name}: the name a schema's type takes when its own splits badly into words ({@code TTSSSERequest}). */
  static Optional<String> javaName(Schema<?> schema) {
    return text(schema.getExtensions(), JAVA_NAME).filter(name -> !name.isBlank());
  }

  /** {@code x-websocket}: the operation is a WebSocket channel, described by these keys. */
  static Optional<WebSocket> webSocket(Operation op) {
    if (op.getExtensions() == null || !(op.getExtensions().get(WEBSOCKET) instanceof Map<?, ?> ws))
      return Optional.empty();
    List<String> commands = new ArrayList<>();
    if (ws.get("textCommands") instanceof List<?> list)
      list.forEach(c -> commands.add(String.valueOf(c)));
    Optional<String> errorTag = Optional.empty();
    List<String> errorFields = new ArrayList<>();
    if (ws.get("contextError") instanceof Map<?, ?> error) {
      errorTag = Optional.ofNullable(error.get("tag")).map(String::valueOf);
      if (error.get("messageFields") instanceof List<?> fields)
        fields.forEach(f -> errorFields.add(String.valueOf(f)));
    }
    Optional<Channel.Speech> speech = Optional.empty();
    if (ws.get("speech") instanceof Map<?, ?> keys && keys.get("audio") instanceof String audio) {
      speech = Optional.of(new Channel.Speech(
          audio, Optional.ofNullable(keys.get("wordTimestamps")).map(String::valueOf)));
    }
    return Optional.of(new WebSocket(
        Optional.ofNullable(ws.get("send")).map(Extensions::reference),
        reference(ws.get("receive")),
        ws.get("multiplexBy") instanceof String key ? Optional.of(key) : Optional.empty(),
        Boolean.TRUE.equals(ws.get("binary")),
        List.copyOf(commands),
        Optional.ofNullable(ws.get("lastMessage")).map(String::valueOf),
        Optional.ofNullable(ws.get("contextEndsWhen")).map(String::valueOf),
        errorTag,
        List.copyOf(errorFields),
        Optional.ofNullable(ws.get("cancel")).map(Extensions::reference),
        speech,
        ws));
  }

  /** {@code x-stream-framing: sse-or-ndjson}: the server may send JSON lines instead of Server-Sent Events. */
  static boolean sseOrNdjson(Operation op) {
    return op.getExtensions() != null
        && "sse-or-ndjson".equals(op.getExtensions().get(STREAM_FRAMING));
  }

  /**
   * {@code x-pagination}, if it names the items, the more-pages flag and the cursor parameter;
   * whether the operation has them is for the caller to check.
   */
  static Optional<Pagination> pagination(Operation op, String pointer, Diagnostics diagnostics) {
    if (op.getExtensions() == null
        || !(op.getExtensions().get(PAGINATION) instanceof Map<?, ?> spec)) {
      return Optional.empty();
    }
    for (String key : List.of("itemsField", "hasMoreField", "cursorParam")) {
      if (!(spec.get(key) instanceof String)) {
        diagnostics.warn(
            pointer + "/" + PAGINATION,
            "'" + key + "' is missing; the operation returns single pages");
        return Optional.empty();
      }
    }
    return Optional.of(new Pagination(
        (String) spec.get("itemsField"),
        (String) spec.get("hasMoreField"),
        (String) spec.get("cursorParam"),
        Optional.ofNullable(spec.get("itemIdField")).map(String::valueOf),
        Optional.ofNullable(spec.get("nextCursorField")).map(String::valueOf)));
  }

  /** {@code x-stream-ends-when}: the boolean property of events that is true on the last one. */
  static Optional<String> streamEndsWhen(Operation op) {
    return Optional.ofNullable(op.getExtensions())
        .map(e -> e.get(STREAM_ENDS_WHEN))
        .map(String::valueOf);
  }

  /** {@code x-when-untagged}: how to read a message of a tagged union that lacks its tag; rules naming no tag are left out. */
  static List<TypeDecl.UntaggedRule> whenUntagged(
      Schema<?> schema, String pointer, Set<String> tags, Diagnostics diagnostics) {
    List<TypeDecl.UntaggedRule> rules = new ArrayList<>();
    if (schema.getExtensions() == null
        || !(schema.getExtensions().get(WHEN_UNTAGGED) instanceof List<?> list)) return rules;
    int i = 0;
    for (Object entry : list) {
      String where = pointer + "/" + WHEN_UNTAGGED + "/" + i++;
      if (!(entry instanceof Map<?, ?> rule)
          || !(rule.get("tag") instanceof String tag)
          || !(rule.get("has") instanceof List<?> has)) {
        diagnostics.warn(where, "a rule needs a 'tag' and a list 'has'; it is left out");
        continue;
      }
      if (!tags.contains(tag)) {
        diagnostics.warn(where, "the tag '" + tag + "' names no variant; the rule is left out");
        continue;
      }
      rules.add(new TypeDecl.UntaggedRule(tag, has.stream().map(String::valueOf).toList()));
    }
    return List.copyOf(rules);
  }

  /**
   * The keys of {@code x-websocket}, as {@code spec/README.md} lists them.
   *
   * @param multiplexBy the property that routes messages to contexts, for a multiplexed channel
   * @param contextErrorTag the tag of messages that report a failed context ({@code contextError.tag})
   * @param contextErrorFields where such a message has its text ({@code contextError.messageFields})
   */
  record WebSocket(
      Optional<Reference> send,
      Reference receive,
      Optional<String> multiplexBy,
      boolean binary,
      List<String> textCommands,
      Optional<String> lastMessage,
      Optional<String> contextEndsWhen,
      Optional<String> contextErrorTag,
      List<String> contextErrorFields,
      Optional<Reference> cancel,
      Optional<Channel.Speech> speech,
      /* the whole x-websocket value, for StreamingKeys (errors and typed sessions) */
      Map<?, ?> keys) {}

  /** A message schema named by {@code {$ref: ...}} or a bare reference; empty when the value names none. */
  record Reference(Optional<String> ref) {}

  static Reference reference(Object value) {
    Object ref = value instanceof Map<?, ?> map ? map.get("$ref") : value;
    return new Reference(ref instanceof String text ? Optional.of(text) : Optional.empty());
  }

  private static Optional<String> text(Map<String, Object> extensions, String name) {
    return Optional.ofNullable(extensions)
        .map(e -> e.get(name))
        .filter(String.class::isInstance)
        .map(String.class::cast);
  }
}
