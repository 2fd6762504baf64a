package ai.cartesia.generator.emit;

import com.palantir.javapoet.ClassName;

/** The sdk-core classes that the generated error readers and typed sessions use. */
final class StreamingRuntime {

  private StreamingRuntime() {}

  private static final String CORE = "ai.cartesia.core";
  private static final String INTERNAL = CORE + ".internal";

  static final ClassName SERVER_ERROR = ClassName.get(INTERNAL + ".stream", "ServerError");
  static final ClassName MULTIPLEXED_SESSION =
      ClassName.get(INTERNAL + ".ws", "MultiplexedSession");
  static final ClassName MULTIPLEXED_CONTEXT =
      ClassName.get(INTERNAL + ".ws", "MultiplexedContext");
  static final ClassName WEB_SOCKET_SESSION = ClassName.get(INTERNAL + ".ws", "WebSocketSession");
  static final ClassName AUDIO_UPLOAD = ClassName.get(INTERNAL + ".ws", "AudioUpload");
  static final ClassName INCREMENTAL_TEXT = ClassName.get(INTERNAL + ".ws", "IncrementalText");
  static final ClassName MESSAGE_STREAM = ClassName.get(CORE + ".ws", "MessageStream");
  static final ClassName UNROUTED = ClassName.get(CORE + ".ws", "Unrouted");
}
