package ai.cartesia.generator.emit;

import static ai.cartesia.generator.emit.VariantFields.field;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.ChannelSession;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * Emits the typed session classes of a channel that names them ({@code x-websocket} {@code
 * session}): for a multiplexed channel a session and a context class (with incremental text when
 * the spec says how), for a plain one a session class with its audio and text commands. They wrap
 * the generic sessions of sdk-core's internal package, so users name only these types; their
 * constructors are package-private, for the resource client that connects.
 */
final class SessionEmitter {

  private final ApiModel model;
  private final Packages packages;

  SessionEmitter(ApiModel model, Packages packages) {
    this.model = model;
    this.packages = packages;
  }

  /** The session class users get from connecting, if the channel has one. */
  static Optional<ClassName> sessionType(Packages packages, Channel channel) {
    return channel.session().map(session -> packages.clientType(session.sessionName()));
  }

  /** {@code connect} wrapped into the channel's session class, if it has one. */
  static CodeBlock wrap(Packages packages, Channel channel, CodeBlock connect) {
    return sessionType(packages, channel)
        .map(type -> CodeBlock.of("new $T($L)", type, connect))
        .orElse(connect);
  }

  List<TypeSpec> emit(Channel channel) {
    if (channel.session().isEmpty()) return List.of();
    ChannelSession session = channel.session().get();
    if (channel.contexts().isPresent() && session.contextName().isPresent()) {
      return List.of(multiplexedSession(channel, session), context(channel, session));
    }
    return List.of(plainSession(channel, session));
  }

  // ---------------------------------------------------------------- multiplexed

  private TypeSpec multiplexedSession(Channel channel, ChannelSession spec) {
    ClassName self = packages.clientType(spec.sessionName());
    ClassName context = packages.clientType(spec.contextName().orElseThrow());
    TypeName core = ParameterizedTypeName.get(
        StreamingRuntime.MULTIPLEXED_SESSION, send(channel), receive(channel));
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(AutoCloseable.class)
        .addJavadoc(
            "An open {@code /$L} WebSocket: one socket on which many generations run at once, each in its\n",
            Javadocs.escape(channel.path()))
        .addJavadoc(
            "own {@link $T}. Get one from the client's {@code $L()}; close it when done, which ends every\n",
            context,
            channel.methodName())
        .addJavadoc("context still open with a {@code ConnectionClosedException}.\n")
        .addField(
            FieldSpec.builder(core, "session", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(core, "session")
            .addStatement("this.session = session")
            .build());
    type.addMethod(MethodSpec.methodBuilder("context")
        .addModifiers(Modifier.PUBLIC)
        .returns(context)
        .addJavadoc(
            "Opens a context with a new random id, for full requests ({@link $T#send}).\n", context)
        .addStatement("return new $T(session.context()$L)", context, plainArgument(spec))
        .build());
    type.addMethod(MethodSpec.methodBuilder("context")
        .addModifiers(Modifier.PUBLIC)
        .returns(context)
        .addJavadoc(
            "Opens the context {@code id}, for full requests ({@link $T#send}).\n\n", context)
        .addJavadoc("@throws IllegalArgumentException if a context with this id is open here\n")
        .addParameter(String.class, "id")
        .addStatement("return new $T(session.context(id)$L)", context, plainArgument(spec))
        .build());
    spec.incrementalText().ifPresent(text -> {
      TypeName settings = model(text.request());
      type.addMethod(MethodSpec.methodBuilder("context")
          .addModifiers(Modifier.PUBLIC)
          .returns(context)
          .addJavadoc(
              "Opens a context with a new random id for text fed piece by piece: every message it sends\n")
          .addJavadoc(
              "repeats {@code settings} (model, voice, output format, language, timestamps...), with\n")
          .addJavadoc(
              "the text of {@link $T#push}, {@link $T#flush} or {@link $T#endInput}.\n",
              context,
              context,
              context)
          .addParameter(settings, "settings")
          .addStatement(
              "return new $T(session.context(), $T.requireNonNull(settings, $S))",
              context,
              Objects.class,
              "settings")
          .build());
      type.addMethod(MethodSpec.methodBuilder("context")
          .addModifiers(Modifier.PUBLIC)
          .returns(context)
          .addJavadoc("As {@link #context($T)}, for the context {@code id}.\n\n", settings)
          .addJavadoc("@throws IllegalArgumentException if a context with this id is open here\n")
          .addParameter(String.class, "id")
          .addParameter(settings, "settings")
          .addStatement(
              "return new $T(session.context(id), $T.requireNonNull(settings, $S))",
              context,
              Objects.class,
              "settings")
          .build());
    });
    type.addMethod(MethodSpec.methodBuilder("unrouted")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(
            StreamingRuntime.MESSAGE_STREAM,
            ParameterizedTypeName.get(StreamingRuntime.UNROUTED, receive(channel))))
        .addJavadoc(
            "What arrived for no open context (such as a session-level error), in order, and the frames\n")
        .addJavadoc(
            "that named no context and could not be decoded ({@code decodeErrors()}). Read it or not, it\n")
        .addJavadoc("never holds up the contexts.\n")
        .addStatement("return session.unrouted()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("contextIds")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(Set.class, String.class))
        .addJavadoc("The ids of the contexts open (or still finishing on the server) now.\n")
        .addStatement("return session.contextIds()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("isOpen")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addStatement("return session.isOpen()")
        .build());
    type.addMethod(
        close(
            "session",
            "Closes the socket: every context still open ends with a {@code ConnectionClosedException}\nafter the messages it received. Idempotent.\n"));
    type.addMethod(toStringMethod(spec.sessionName(), "session"));
    return type.build();
  }

  private TypeSpec context(Channel channel, ChannelSession spec) {
    ClassName self = packages.clientType(spec.contextName().orElseThrow());
    TypeName receive = receive(channel);
    TypeName send = send(channel);
    TypeName core = ParameterizedTypeName.get(StreamingRuntime.MULTIPLEXED_CONTEXT, send, receive);
    TypeName incremental =
        ParameterizedTypeName.get(StreamingRuntime.INCREMENTAL_TEXT, send, receive);
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Iterable.class), receive))
        .addSuperinterface(AutoCloseable.class)
        .addJavadoc(
            "One generation on a {@link $T}: the client feeds it text, its server messages arrive in order\n",
            packages.clientType(spec.sessionName()))
        .addJavadoc(
            "on {@link #messages()} (iterator, for-each, {@code Flow.Publisher}, callbacks). They end normally\n")
        .addJavadoc(
            "after the context's {@code done}, and otherwise with a typed exception, after the messages\n")
        .addJavadoc(
            "before it: {@code StreamErrorException} for the server's error (with its status code and this\n")
        .addJavadoc(
            "context's id), {@code ConnectionClosedException} when the socket closes or drops first,\n")
        .addJavadoc(
            "{@code StreamOverflowException} when the consumer falls behind, {@code StreamCancelledException}\n")
        .addJavadoc(
            "after {@link #cancel()}. A frame for it that cannot be decoded goes to {@code\n")
        .addJavadoc("messages().decodeErrors()}, and the context goes on.\n")
        .addField(
            FieldSpec.builder(core, "context", Modifier.PRIVATE, Modifier.FINAL).build())
        .addField(FieldSpec.builder(incremental, "text", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("Null when the context was opened without settings.\n")
            .build());
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(core, "context")
        .addStatement("this.context = context");
    Optional<ChannelSession.IncrementalText> text = spec.incrementalText();
    if (text.isPresent()) {
      TypeName settings = model(text.get().request());
      TypeDecl.ObjectDecl request = object(text.get().request());
      String transcript = javaName(request, text.get().text());
      String more = javaName(request, text.get().continueField());
      String flush = javaName(request, text.get().flushField());
      ClassName flushDone = variantTagged(channel.receive(), text.get().flushDoneTag());
      constructor
          .addParameter(settings, "settings")
          .addCode(
              "// The flags are the SDK's business: a piece continues, a flush is an empty continued\n")
          .addCode("// flushed text, the end an empty text that does not continue.\n")
          .addStatement(
              "this.text = settings == null ? null : new $T<>(context,\n"
                  + "    piece -> settings.toBuilder().$N(piece).$N(true).$N(false).build(),\n"
                  + "    () -> settings.toBuilder().$N(\"\").$N(true).$N(true).build(),\n"
                  + "    () -> settings.toBuilder().$N(\"\").$N(false).$N(false).build(),\n"
                  + "    message -> message instanceof $T)",
              StreamingRuntime.INCREMENTAL_TEXT,
              transcript,
              more,
              flush,
              transcript,
              more,
              flush,
              transcript,
              more,
              flush,
              flushDone);
    } else {
      constructor.addStatement("this.text = null");
    }
    type.addMethod(constructor.build());
    type.addMethod(MethodSpec.methodBuilder("id")
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return context.id()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("send")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(send, "message")
        .addJavadoc(
            "Sends a full message on this context, flags and all, for what {@link #push} does not cover;\n")
        .addJavadoc("a message that names no context is given this one's id.\n\n")
        .addJavadoc("@throws IllegalArgumentException if the message names another context\n")
        .addJavadoc("@throws IllegalStateException if the context has finished or was cancelled\n")
        .addStatement("context.send(message)")
        .build());
    if (text.isPresent()) {
      type.addMethod(MethodSpec.methodBuilder("push")
          .addModifiers(Modifier.PUBLIC)
          .addParameter(String.class, "text")
          .addJavadoc(
              "Sends the next piece of text (such as an LLM token), to be spoken after the pieces before it.\n")
          .addJavadoc(
              "The server joins pieces exactly as sent: include spaces and punctuation where they meet.\n\n")
          .addJavadoc(
              "@throws IllegalStateException if the context was opened without settings, or its input ended\n")
          .addStatement("incremental($S).push(text)", "push")
          .build());
      type.addMethod(MethodSpec.methodBuilder("flush")
          .addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(CompletableFuture.class, Void.class))
          .addJavadoc(
              "Asks the server to generate all text pushed so far now. The future completes when the server\n")
          .addJavadoc(
              "acknowledges this flush ({@code $L}; all its audio came before), exceptionally if the context\n",
              Javadocs.escape(text.get().flushDoneTag()))
          .addJavadoc("fails or the socket ends first.\n")
          .addStatement("return incremental($S).flush()", "flush")
          .build());
      type.addMethod(MethodSpec.methodBuilder("endInput")
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(
              "Tells the server that no more text follows: the context ends with {@code done} after its last\n")
          .addJavadoc("audio. Idempotent.\n")
          .addStatement("incremental($S).endInput()", "end the input of")
          .build());
      type.addMethod(MethodSpec.methodBuilder("incremental")
          .addModifiers(Modifier.PRIVATE)
          .returns(incremental)
          .addParameter(String.class, "what")
          .beginControlFlow("if (text == null)")
          .addStatement(
              "throw new $T($S + context.id() + $S + what + $S)",
              IllegalStateException.class,
              "context ",
              " was opened without settings; open it with context(settings) to ",
              " text")
          .endControlFlow()
          .addStatement("return text")
          .build());
    }
    addReading(type, receive, "context");
    type.addMethod(MethodSpec.methodBuilder("discarded")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.LONG)
        .addJavadoc(
            "How many messages arrived after the messages had ended (overflow, cancel, error) and were dropped.\n")
        .addStatement("return context.messages().discarded()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("cancel")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(CompletableFuture.class, Void.class))
        .addJavadoc(
            "Asks the server to cancel this context. The messages end at once with a {@code\n")
        .addJavadoc(
            "StreamCancelledException} after those already received; the server still finishes a generation\n")
        .addJavadoc(
            "in progress, and the returned future completes when it has (see {@link #finished()}).\n")
        .addStatement("return context.cancel()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("finished")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(CompletableFuture.class, Void.class))
        .addJavadoc(
            "Completes when the server has finished this context: normally after its {@code done},\n")
        .addJavadoc(
            "exceptionally with its {@code StreamErrorException}, or when the socket ended first.\n")
        .addStatement("return context.finished()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("isOpen")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addJavadoc(
            "Whether messages can still be sent: not finished, cancelled, nor without its socket.\n")
        .addStatement("return context.isOpen()")
        .build());
    type.addMethod(close(
        "context", "Cancels the context if it is still open, without waiting for the server.\n"));
    type.addMethod(toStringMethod(spec.contextName().get(), "context"));
    return type.build();
  }

  // ---------------------------------------------------------------- plain

  private TypeSpec plainSession(Channel channel, ChannelSession spec) {
    ClassName self = packages.clientType(spec.sessionName());
    TypeName receive = receive(channel);
    TypeName core =
        ParameterizedTypeName.get(StreamingRuntime.WEB_SOCKET_SESSION, send(channel), receive);
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Iterable.class), receive))
        .addSuperinterface(AutoCloseable.class)
        .addJavadoc(
            "An open {@code /$L} WebSocket. Get one from the client's {@code $L(...)}; close it when done.\n\n",
            Javadocs.escape(channel.path()),
            channel.methodName())
        .addJavadoc(
            "<p>The server's messages arrive in order on {@link #messages()} (iterator, for-each, {@code\n")
        .addJavadoc(
            "Flow.Publisher}, callbacks). They end normally after the server's last message, and otherwise\n")
        .addJavadoc(
            "with a typed exception after the messages before it: {@code StreamErrorException} for the\n")
        .addJavadoc(
            "server's error, {@code ConnectionClosedException} when the socket closes or drops first. A frame\n")
        .addJavadoc(
            "that cannot be decoded goes to {@code messages().decodeErrors()}, and the messages go on.\n")
        .addField(
            FieldSpec.builder(core, "session", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(core, "session")
            .addStatement("this.session = session")
            .build());
    if (channel.send().isPresent()) {
      type.addMethod(MethodSpec.methodBuilder("send")
          .addModifiers(Modifier.PUBLIC)
          .addParameter(send(channel), "message")
          .addJavadoc("Sends a message as a JSON text frame.\n")
          .addStatement("session.send(message)")
          .build());
    }
    if (channel.sendsBinary()) {
      type.addMethod(MethodSpec.methodBuilder("sendAudio")
          .addModifiers(Modifier.PUBLIC)
          .addParameter(byte[].class, "audio")
          .addJavadoc(
              "Sends raw audio, in the encoding and sample rate of the handshake, as one binary frame.\n")
          .addStatement("session.sendBinary(audio)")
          .build());
      type.addMethod(MethodSpec.methodBuilder("sendAudio")
          .addModifiers(Modifier.PUBLIC)
          .addParameter(byte[].class, "audio")
          .addParameter(TypeName.INT, "offset")
          .addParameter(TypeName.INT, "length")
          .addJavadoc(
              "Sends {@code length} bytes of {@code audio} from {@code offset} as one binary frame.\n")
          .addStatement("session.sendBinary(audio, offset, length)")
          .build());
      type.addMethod(MethodSpec.methodBuilder("sendAudio")
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.LONG)
          .addParameter(InputStream.class, "audio")
          .addParameter(TypeName.INT, "chunkBytes")
          .addParameter(Duration.class, "pace")
          .addJavadoc(
              "Sends all of {@code audio} in binary frames of {@code chunkBytes}, at most one per {@code pace}\n")
          .addJavadoc(
              "({@code Duration.ZERO} for as fast as the socket takes them, waiting while much is queued). Blocks\n")
          .addJavadoc(
              "until all is queued; does not close {@code audio}, and sends no command after it.\n\n")
          .addJavadoc("@return how many bytes of audio were sent\n")
          .addStatement(
              "return $T.send(session, audio, chunkBytes, pace, $T.of())",
              StreamingRuntime.AUDIO_UPLOAD,
              List.class)
          .build());
    }
    for (String command : channel.textCommands()) {
      String method = spec.commandMethods()
          .getOrDefault(command, ai.cartesia.generator.model.Naming.memberName(command));
      type.addMethod(MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(
              "Sends the text command {@code $L}; see the channel's description on the client's {@code $L}.\n",
              Javadocs.escape(command),
              channel.methodName())
          .addStatement("session.sendText($S)", command)
          .build());
    }
    addReading(type, receive, "session");
    type.addMethod(MethodSpec.methodBuilder("queuedBytes")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.LONG)
        .addJavadoc("Bytes queued for sending and not yet written to the network.\n")
        .addStatement("return session.queuedBytes()")
        .build());
    type.addMethod(
        close(
            "session",
            "Closes the socket, waiting briefly for the server's answer. Messages already received can\nstill be taken. Idempotent.\n"));
    type.addMethod(toStringMethod(spec.sessionName(), "session"));
    return type.build();
  }

  // ---------------------------------------------------------------- shared

  /** What a context opened for full requests passes for its settings: none. */
  private static String plainArgument(ChannelSession spec) {
    return spec.incrementalText().isPresent() ? ", null" : "";
  }

  /** {@code messages()}, {@code iterator()} and {@code receive(Duration)} over {@code field.messages()}. */
  private static void addReading(TypeSpec.Builder type, TypeName receive, String field) {
    type.addMethod(MethodSpec.methodBuilder("messages")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(StreamingRuntime.MESSAGE_STREAM, receive))
        .addJavadoc("The server's messages, in order; read them once, in one style.\n")
        .addStatement("return $N.messages()", field)
        .build());
    type.addMethod(MethodSpec.methodBuilder("iterator")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Iterator.class), receive))
        .addJavadoc("A blocking iterator over the messages; see {@link #messages()}.\n")
        .addStatement("return $N.messages().iterator()", field)
        .build());
    type.addMethod(MethodSpec.methodBuilder("receive")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), receive))
        .addParameter(Duration.class, "timeout")
        .addJavadoc(
            "The next message, waiting at most {@code timeout}; empty once the messages ended normally.\n\n")
        .addJavadoc(
            "@throws ai.cartesia.core.errors.SdkException the typed reason the messages ended, once the messages before were taken\n")
        .addJavadoc(
            "@throws ai.cartesia.core.errors.ReceiveTimeoutException if nothing arrived in time\n")
        .addStatement("return $N.receive(timeout)", field)
        .build());
  }

  private static MethodSpec close(String field, String doc) {
    return MethodSpec.methodBuilder("close")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(doc)
        .addStatement("$N.close()", field)
        .build();
  }

  private static MethodSpec toStringMethod(String name, String field) {
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S + $N + $S", name + "{", field, "}")
        .build();
  }

  private TypeName send(Channel channel) {
    return channel.send().map(this::model).orElse(ClassName.get(Void.class));
  }

  private TypeName receive(Channel channel) {
    return model(channel.receive());
  }

  private ClassName model(TypeRef ref) {
    return packages.modelType(((TypeRef.Named) ref).name());
  }

  private TypeDecl.ObjectDecl object(TypeRef ref) {
    return (TypeDecl.ObjectDecl) model.type(((TypeRef.Named) ref).name()).orElseThrow();
  }

  private static String javaName(TypeDecl.ObjectDecl object, String wireName) {
    return field(object, wireName)
        .map(Field::javaName)
        .orElseThrow(() -> new IllegalStateException(object.name() + " has no property '" + wireName
            + "', which x-websocket session.incrementalText names"));
  }

  private ClassName variantTagged(TypeRef union, String tag) {
    TypeDecl decl = model.type(((TypeRef.Named) union).name()).orElseThrow();
    if (decl instanceof TypeDecl.DiscriminatedUnion tagged) {
      for (TypeDecl.Variant variant : tagged.variants()) {
        if (variant.tag().equals(tag)) return packages.modelType(variant.type());
      }
    }
    throw new IllegalStateException(decl.name() + " has no variant tagged '" + tag
        + "', which x-websocket session.incrementalText names");
  }
}
