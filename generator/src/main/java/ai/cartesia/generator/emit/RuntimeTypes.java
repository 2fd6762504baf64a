package ai.cartesia.generator.emit;

import com.palantir.javapoet.ClassName;

/** The classes of sdk-core and of the libraries that generated code refers to. */
final class RuntimeTypes {

  private RuntimeTypes() {}

  static final String CORE = "ai.cartesia.core";
  /** What only generated code may use: not API, may change in any release. */
  static final String INTERNAL = CORE + ".internal";

  static final ClassName CLIENT_OPTIONS = ClassName.get(CORE, "ClientOptions");
  static final ClassName CLIENT_CONTEXT = ClassName.get(INTERNAL, "ClientContext");
  static final ClassName SDK_VERSION = ClassName.get(CORE, "SdkVersion");
  static final ClassName CARTESIA_LISTENER = ClassName.get(CORE + ".observe", "CartesiaListener");
  static final ClassName LOG_LEVEL = ClassName.get(CORE + ".observe", "LogLevel");
  static final ClassName OPTIONAL_NULLABLE = ClassName.get(CORE + ".json", "OptionalNullable");
  static final ClassName NO_AUTH = ClassName.get(INTERNAL + ".http", "NoAuth");
  static final ClassName AUTH = ClassName.get(INTERNAL + ".auth", "Auth");
  static final ClassName SECURITY = ClassName.get(INTERNAL + ".auth", "Security");
  static final ClassName SERVER_URL = ClassName.get(INTERNAL + ".http", "ServerUrl");
  static final ClassName REQUEST_OPTIONS = ClassName.get(CORE + ".http", "RequestOptions");
  static final ClassName FILE_UPLOAD = ClassName.get(CORE + ".http", "FileUpload");
  static final ClassName ANSWERED = ClassName.get(INTERNAL + ".http", "Answered");
  static final ClassName RAW_RESPONSE = ClassName.get(CORE + ".http", "RawResponse");
  static final ClassName BINARY_RESPONSE = ClassName.get(CORE + ".http", "BinaryResponse");
  static final ClassName EVENT_STREAM = ClassName.get(CORE + ".sse", "EventStream");
  static final ClassName RESPONSE_EVENT_STREAM =
      ClassName.get(INTERNAL + ".sse", "ResponseEventStream");
  static final ClassName TEXT_DECODER = ClassName.get(INTERNAL + ".json", "TextDecoder");
  static final ClassName CURSOR_PAGER = ClassName.get(CORE + ".pagination", "CursorPager");
  static final ClassName WEB_SOCKET_CHANNEL = ClassName.get(INTERNAL + ".ws", "WebSocketChannel");
  static final ClassName WEB_SOCKET_SESSION = ClassName.get(INTERNAL + ".ws", "WebSocketSession");
  static final ClassName FRAME_DECODER = ClassName.get(INTERNAL + ".ws", "FrameDecoder");
  static final ClassName TAGGED_DECODER = ClassName.get(INTERNAL + ".ws", "TaggedDecoder");
  static final ClassName CONTEXT_PROTOCOL = ClassName.get(INTERNAL + ".ws", "ContextProtocol");
  static final ClassName MULTIPLEXED_SESSION =
      ClassName.get(INTERNAL + ".ws", "MultiplexedSession");
  static final ClassName MULTIPLEXED_CONTEXT =
      ClassName.get(INTERNAL + ".ws", "MultiplexedContext");
  static final ClassName STREAM_SETTINGS = ClassName.get(CORE + ".ws", "StreamSettings");
  static final ClassName AUDIO_UPLOAD = ClassName.get(INTERNAL + ".ws", "AudioUpload");
  static final ClassName JSON_TEXT = ClassName.get(INTERNAL + ".json", "JsonText");
  static final ClassName JSON_FIELDS = ClassName.get(INTERNAL + ".json", "JsonFields");
  static final ClassName WORD_TIMING = ClassName.get(CORE + ".audio", "WordTiming");
  static final ClassName COLLECTED_SPEECH = ClassName.get(CORE + ".audio", "CollectedSpeech");
  static final ClassName STREAM_ERROR_EXCEPTION =
      ClassName.get(CORE + ".errors", "StreamErrorException");
  static final ClassName BASE64_FIELD_DECODER =
      ClassName.get(INTERNAL + ".ws", "Base64FieldDecoder");
  static final ClassName TOKEN_DECODER = ClassName.get(INTERNAL + ".json", "TokenDecoder");

  static final String JACKSON_ANNOTATION = "com.fasterxml.jackson.annotation";
  static final String JACKSON_DATABIND = "com.fasterxml.jackson.databind";
  static final ClassName JSON_PROPERTY = ClassName.get(JACKSON_ANNOTATION, "JsonProperty");
  static final ClassName JSON_PROPERTY_ORDER =
      ClassName.get(JACKSON_ANNOTATION, "JsonPropertyOrder");
  static final ClassName JSON_AUTO_DETECT = ClassName.get(JACKSON_ANNOTATION, "JsonAutoDetect");
  static final ClassName JSON_INCLUDE = ClassName.get(JACKSON_ANNOTATION, "JsonInclude");
  static final ClassName JSON_ANY_GETTER = ClassName.get(JACKSON_ANNOTATION, "JsonAnyGetter");
  static final ClassName JSON_ANY_SETTER = ClassName.get(JACKSON_ANNOTATION, "JsonAnySetter");
  static final ClassName JSON_IGNORE_PROPERTIES =
      ClassName.get(JACKSON_ANNOTATION, "JsonIgnoreProperties");
  static final ClassName JSON_CREATOR = ClassName.get(JACKSON_ANNOTATION, "JsonCreator");
  static final ClassName JSON_VALUE = ClassName.get(JACKSON_ANNOTATION, "JsonValue");
  static final ClassName JSON_TYPE_INFO = ClassName.get(JACKSON_ANNOTATION, "JsonTypeInfo");
  static final ClassName JSON_SUB_TYPES = ClassName.get(JACKSON_ANNOTATION, "JsonSubTypes");
  static final ClassName JSON_DESERIALIZE =
      ClassName.get(JACKSON_DATABIND + ".annotation", "JsonDeserialize");
  static final ClassName JSON_POJO_BUILDER =
      ClassName.get(JACKSON_DATABIND + ".annotation", "JsonPOJOBuilder");
  static final ClassName JSON_NODE = ClassName.get(JACKSON_DATABIND, "JsonNode");
  static final ClassName MISSING_NODE = ClassName.get(JACKSON_DATABIND + ".node", "MissingNode");
  static final ClassName OBJECT_NODE = ClassName.get(JACKSON_DATABIND + ".node", "ObjectNode");
  static final ClassName JSON_DESERIALIZER = ClassName.get(JACKSON_DATABIND, "JsonDeserializer");
  static final ClassName STD_DESERIALIZER =
      ClassName.get(JACKSON_DATABIND + ".deser.std", "StdDeserializer");
  static final ClassName DESERIALIZATION_CONTEXT =
      ClassName.get(JACKSON_DATABIND, "DeserializationContext");
  static final ClassName TYPE_REFERENCE =
      ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
  static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  static final ClassName MISMATCHED_INPUT =
      ClassName.get(JACKSON_DATABIND + ".exc", "MismatchedInputException");
  static final ClassName DATABIND_EXCEPTION = ClassName.get(JACKSON_DATABIND, "DatabindException");

  static final String RETROFIT_HTTP = "retrofit2.http";
  static final ClassName CALL = ClassName.get("retrofit2", "Call");
  static final ClassName RESPONSE_BODY = ClassName.get("okhttp3", "ResponseBody");
  static final ClassName REQUEST_BODY = ClassName.get("okhttp3", "RequestBody");
  static final ClassName RESPONSE_TEXT = ClassName.get(INTERNAL + ".http", "ResponseText");
  static final ClassName OK_HTTP_CLIENT = ClassName.get("okhttp3", "OkHttpClient");
}
