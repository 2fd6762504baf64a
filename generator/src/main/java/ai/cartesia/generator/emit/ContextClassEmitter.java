package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.ChannelSession;
import ai.cartesia.generator.model.TypeDecl;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * Emits the context class of a multiplexed channel's typed session (such as {@code TtsContext}):
 * full requests, and incremental text ({@code push}, {@code flush}, {@code endInput}) when the
 * spec says how; {@code cancel} and {@code finished} say when the server is done with it.
 */
final class ContextClassEmitter {

  private final Packages packages;
  private final SessionTypes types;

  ContextClassEmitter(Packages packages, SessionTypes types) {
    this.packages = packages;
    this.types = types;
  }

  TypeSpec emit(Channel channel, ChannelSession spec) {
    ClassName self = packages.clientType(spec.contextName().orElseThrow());
    TypeName receive = types.receive(channel);
    TypeName send = types.send(channel);
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
      TypeName settings = types.model(text.get().request());
      TypeDecl.ObjectDecl request = types.object(text.get().request());
      String transcript = SessionTypes.javaName(request, text.get().text());
      String more = SessionTypes.javaName(request, text.get().continueField());
      String flush = SessionTypes.javaName(request, text.get().flushField());
      ClassName flushDone = types.variantTagged(channel.receive(), text.get().flushDoneTag());
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
    SessionTypes.addReading(type, receive, "context");
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
    type.addMethod(SessionTypes.close(
        "context", "Cancels the context if it is still open, without waiting for the server.\n"));
    type.addMethod(SessionTypes.toStringMethod(spec.contextName().get(), "context"));
    return type.build();
  }

  // ---------------------------------------------------------------- plain

}
