package ai.cartesia.generator.emit;

/**
 * The methods of sdk-core (and of OkHttp) that generated clients call, named once: the emitters
 * pass these to {@code $N} rather than spelling them in their code templates, so a method renamed
 * in the runtime is renamed here and nowhere else. The classes are in {@link RuntimeTypes}.
 */
final class RuntimeMethods {

  private RuntimeMethods() {}

  // ClientContext: what a resource client is built with.
  static final String CALLS = "calls";
  static final String JSON = "json";
  static final String SERVICE = "service";
  static final String OPTIONS = "options";
  static final String REDACT = "redact";

  // CallExecutor (context.calls()): blocking, asynchronous, raw, and answered (keeping the call).
  static final String EXECUTE = "execute";
  static final String EXECUTE_ASYNC = "executeAsync";
  static final String EXECUTE_RAW = "executeRaw";
  static final String EXECUTE_ANSWERED = "executeAnswered";

  // Answered and RawResponse.
  static final String ANSWERED_CALL = "call";
  static final String ANSWERED_BODY = "body";
  static final String ANSWERED_RAW = "raw";
  static final String MAP = "map";

  // RequestOptions and StreamSettings defaults.
  static final String NO_OPTIONS = "none";
  static final String DEFAULT_SETTINGS = "defaults";

  // FrameDecoder, JsonText.
  static final String JSON_DECODER = "json";
  static final String JSON_TEXT_OF = "of";

  // EventStream.builder(body, decoder)...build().
  static final String BUILDER = "builder";
  static final String SSE = "sse";
  static final String JSON_LINES_OR_SSE = "jsonLinesOrSse";
  static final String CANCELS = "call";
  static final String ENDS_AFTER = "endsAfter";
  static final String REDACTING = "redacting";
  static final String BUILD = "build";

  // CursorPager.
  static final String BY_CURSOR = "byCursor";

  // WebSocketChannel.builder(path, decoder)...build(), and the sessions.
  static final String CONSTANT_QUERY = "constantQuery";
  static final String API_KEY_QUERY_PARAMETER = "apiKeyQueryParameter";
  static final String LAST_MESSAGE = "lastMessage";
  /** WebSocketChannel.Builder: which server messages end a session or context with an error. */
  static final String CHANNEL_ERRORS = "errorOf";
  /** EventStream.Builder: which events end the stream with an error. */
  static final String FAILS_ON = "failsOn";

  static final String CONNECT = "connect";

  // Streaming helpers: AudioUpload, CollectedSpeech and the ContextProtocol a channel implements.
  static final String SEND_AUDIO = "send";
  static final String COLLECT = "collect";
  static final String AUDIO_OF = "audioOf";
  static final String WORDS_OF = "wordsOf";
  static final String ERROR_OF = "errorOf";

  // FileUpload, and OkHttp's MultipartBody.Builder.
  static final String FILENAME = "filename";
  static final String FILE_BODY = "body";
  static final String SET_TYPE = "setType";
  static final String ADD_FORM_DATA_PART = "addFormDataPart";
  static final String ADD_FORM_FIELD = "add";
  static final String RESPONSE_TEXT_OF = "of";
}
