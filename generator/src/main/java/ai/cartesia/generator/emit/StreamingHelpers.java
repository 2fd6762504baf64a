package ai.cartesia.generator.emit;

import static ai.cartesia.generator.emit.ClientSupport.CONTEXT;

import ai.cartesia.generator.model.Channel;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The helpers of a resource client around its channels: {@code sendAudio} for a channel that
 * takes audio frames, {@code collectSpeech} for one whose messages carry speech.
 */
final class StreamingHelpers {

  private StreamingHelpers() {}

  /** Sends audio in paced chunks, then the channel's text commands. */
  static MethodSpec sendAudio(Channel channel, TypeName session) {
    CodeBlock commands = channel.textCommands().stream()
        .map(c -> CodeBlock.of("$S", c))
        .collect(CodeBlock.joining(", "));
    String listed = channel.textCommands().stream()
        .map(Javadocs::code)
        .reduce((a, b) -> a + ", " + b)
        .orElse("(none)");
    return MethodSpec.methodBuilder("sendAudio")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Sends raw audio in chunks of {@code chunkBytes}, at most one per {@code pace} ($T.ZERO for as fast as the "
                + "connection takes them), then the text commands $L. Blocks until all is queued.\n\n",
            Duration.class,
            listed)
        .addJavadoc(
            "@param session a session of {@link #$N}\n@param audio raw samples in the session's encoding; not closed here\n",
            channel.methodName())
        .addJavadoc(
            "@param chunkBytes the size of each binary frame\n@param pace the least time between two frames, to send in real time\n"
                + "@return how many bytes of audio were sent\n")
        .returns(TypeName.LONG)
        .addParameter(session, "session")
        .addParameter(InputStream.class, "audio")
        .addParameter(TypeName.INT, "chunkBytes")
        .addParameter(Duration.class, "pace")
        .addStatement(
            "return $T.$N(session, audio, chunkBytes, pace, $T.of($L))",
            RuntimeTypes.AUDIO_UPLOAD,
            RuntimeMethods.SEND_AUDIO,
            List.class,
            commands)
        .build();
  }

  /** Joins the audio and word timings of a context's messages, through the channel's protocol. */
  static MethodSpec collectSpeech(Channel channel, TypeName receive, ClassName protocol) {
    return MethodSpec.methodBuilder("collectSpeech")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Reads messages to their end, joining their audio and their word timings: for a context of {@link #$N}, "
                + "or an event stream of the same messages.\n\n",
            channel.methodName())
        .addJavadoc(
            "@throws $T if a message reports that the generation failed (the context's error, or an error message of an "
                + "event stream)\n",
            RuntimeTypes.STREAM_ERROR_EXCEPTION)
        .returns(RuntimeTypes.COLLECTED_SPEECH)
        .addParameter(
            ParameterizedTypeName.get(
                ClassName.get(Iterator.class), WildcardTypeName.subtypeOf(receive)),
            "messages")
        .addStatement("$T protocol = new $T()", protocol, protocol)
        .addStatement(
            "return $T.$N(messages, $T::$N, $T::$N,\n    message -> protocol.$N(message).map($N::$N))",
            RuntimeTypes.COLLECTED_SPEECH,
            RuntimeMethods.COLLECT,
            protocol,
            RuntimeMethods.AUDIO_OF,
            protocol,
            RuntimeMethods.WORDS_OF,
            RuntimeMethods.ERROR_OF,
            CONTEXT,
            RuntimeMethods.REDACT)
        .build();
  }
}
