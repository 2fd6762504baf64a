package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.ChannelSession;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits the typed session classes of a channel that names them ({@code x-websocket} {@code
 * session}): for a multiplexed channel a session and a context class (with incremental text when
 * the spec says how), for a plain one a session class with its audio and text commands. They wrap
 * the generic sessions of sdk-core's internal package, so users name only these types; their
 * constructors are package-private, for the resource client that connects.
 */
final class SessionEmitter {

  private final Packages packages;
  private final SessionTypes types;
  private final ContextClassEmitter contexts;
  private final PlainSessionEmitter plainSessions;

  SessionEmitter(ApiModel model, Packages packages) {
    this.packages = packages;
    this.types = new SessionTypes(model, packages);
    this.contexts = new ContextClassEmitter(packages, types);
    this.plainSessions = new PlainSessionEmitter(packages, types);
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
      return List.of(multiplexedSession(channel, session), contexts.emit(channel, session));
    }
    return List.of(plainSessions.emit(channel, session));
  }

  // ---------------------------------------------------------------- multiplexed

  private TypeSpec multiplexedSession(Channel channel, ChannelSession spec) {
    ClassName self = packages.clientType(spec.sessionName());
    ClassName context = packages.clientType(spec.contextName().orElseThrow());
    TypeName core = ParameterizedTypeName.get(
        StreamingRuntime.MULTIPLEXED_SESSION, types.send(channel), types.receive(channel));
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
        .addStatement(
            "return new $T(session.context()$L)", context, SessionTypes.plainArgument(spec))
        .build());
    type.addMethod(MethodSpec.methodBuilder("context")
        .addModifiers(Modifier.PUBLIC)
        .returns(context)
        .addJavadoc(
            "Opens the context {@code id}, for full requests ({@link $T#send}).\n\n", context)
        .addJavadoc("@throws IllegalArgumentException if a context with this id is open here\n")
        .addParameter(String.class, "id")
        .addStatement(
            "return new $T(session.context(id)$L)", context, SessionTypes.plainArgument(spec))
        .build());
    spec.incrementalText().ifPresent(text -> {
      TypeName settings = types.model(text.request());
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
            ParameterizedTypeName.get(StreamingRuntime.UNROUTED, types.receive(channel))))
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
        SessionTypes.close(
            "session",
            "Closes the socket: every context still open ends with a {@code ConnectionClosedException}\nafter the messages it received. Idempotent.\n"));
    type.addMethod(SessionTypes.toStringMethod(spec.sessionName(), "session"));
    return type.build();
  }
}
