package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.ChannelSession;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the session class of a plain (not multiplexed) channel, such as {@code SttWebSocket}: its
 * messages, the audio it sends, and a method per text command.
 */
final class PlainSessionEmitter {

  private final Packages packages;
  private final SessionTypes types;

  PlainSessionEmitter(Packages packages, SessionTypes types) {
    this.packages = packages;
    this.types = types;
  }

  TypeSpec emit(Channel channel, ChannelSession spec) {
    ClassName self = packages.clientType(spec.sessionName());
    TypeName receive = types.receive(channel);
    TypeName core = ParameterizedTypeName.get(
        StreamingRuntime.WEB_SOCKET_SESSION, types.send(channel), receive);
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
          .addParameter(types.send(channel), "message")
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
    SessionTypes.addReading(type, receive, "session");
    type.addMethod(MethodSpec.methodBuilder("queuedBytes")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.LONG)
        .addJavadoc("Bytes queued for sending and not yet written to the network.\n")
        .addStatement("return session.queuedBytes()")
        .build());
    type.addMethod(
        SessionTypes.close(
            "session",
            "Closes the socket, waiting briefly for the server's answer. Messages already received can\nstill be taken. Idempotent.\n"));
    type.addMethod(SessionTypes.toStringMethod(spec.sessionName(), "session"));
    return type.build();
  }
}
