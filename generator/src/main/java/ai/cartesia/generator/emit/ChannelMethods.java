package ai.cartesia.generator.emit;

import static ai.cartesia.generator.emit.ClientSupport.CONTEXT;

import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeDecl.RequestDecl;
import ai.cartesia.generator.model.TypeDecl.RequestField;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The streaming part of a resource client for one WebSocket channel: the channel's descriptor
 * field, the connect methods (with the handshake parameters, a request object when some are
 * optional, and with {@code StreamSettings} too), and the {@code sendAudio} and {@code
 * collectSpeech} helpers. A multiplexed channel gives a session of contexts; a plain one a
 * single stream.
 */
final class ChannelMethods implements ClientMethods<Channel> {

  /** The arguments and locals of the connect methods. */
  static final String PARAMS = "params";

  static final String SETTINGS = "settings";
  static final String QUERY = "query";
  static final Set<String> LOCALS = Set.of(PARAMS, SETTINGS, QUERY);

  private final ClientSupport support;

  ChannelMethods(ClientSupport support) {
    this.support = support;
  }

  /** The field that holds the channel's descriptor, built once with the client. */
  FieldSpec field(Channel channel) {
    return FieldSpec.builder(
            channelType(channel), JavaNames.channelField(channel), Modifier.PRIVATE, Modifier.FINAL)
        .build();
  }

  /** What the constructor assigns to {@link #field}. */
  CodeBlock descriptor(Channel channel) {
    CodeBlock.Builder block = CodeBlock.builder()
        .add(
            "$T.<$T, $T>$N($S, $L)",
            RuntimeTypes.WEB_SOCKET_CHANNEL,
            sendType(channel),
            support.types.boxed(channel.receive()),
            RuntimeMethods.BUILDER,
            channel.path(),
            support.decoderOf(channel.receive()));
    for (Parameter parameter : channel.parameters()) {
      parameter
          .constant()
          .ifPresent(value -> block.add(
              "\n    .$N($S, $S)", RuntimeMethods.CONSTANT_QUERY, parameter.wireName(), value));
    }
    channel
        .apiKeyQueryParameter()
        .ifPresent(
            name -> block.add("\n    .$N($S)", RuntimeMethods.API_KEY_QUERY_PARAMETER, name));
    channel
        .lastMessageTag()
        .flatMap(tag -> variantTagged(channel.receive(), tag))
        .ifPresent(last -> block.add(
            "\n    .$N(message -> message instanceof $T)",
            RuntimeMethods.LAST_MESSAGE,
            support.packages.modelType(last)));
    channel
        .error()
        .ifPresent(error -> block.add(
            "\n    .$N($L)",
            RuntimeMethods.CHANNEL_ERRORS,
            StreamErrorsEmitter.reference(support.packages, channel.receive())));
    return block.add("\n    .$N()", RuntimeMethods.BUILD).build();
  }

  @Override
  public List<MethodSpec> methods(Channel channel) {
    TypeName receive = support.types.boxed(channel.receive());
    // The typed session the spec names, else the generic one.
    TypeName session = SessionEmitter.sessionType(support.packages, channel)
        .<TypeName>map(type -> type)
        .orElse(ParameterizedTypeName.get(
            channel.contexts().isPresent()
                ? RuntimeTypes.MULTIPLEXED_SESSION
                : RuntimeTypes.WEB_SOCKET_SESSION,
            sendType(channel),
            receive));
    List<ParameterSpec> arguments = new ArrayList<>();
    Optional<RequestDecl> parameters = channel.parametersObject().map(support::request);
    if (parameters.isPresent()) {
      arguments.add(
          ParameterSpec.builder(support.packages.modelType(parameters.get().name()), PARAMS)
              .build());
    } else {
      for (Parameter parameter : channel.parameters()) {
        if (parameter.constant().isEmpty()) {
          arguments.add(
              ParameterSpec.builder(support.types.of(parameter.type()), parameter.javaName())
                  .build());
        }
      }
    }
    String names = arguments.stream()
        .map(ParameterSpec::name)
        .reduce((a, b) -> a + ", " + b)
        .map(a -> a + ", ")
        .orElse("");

    List<ParameterSpec> withSettings = new ArrayList<>(arguments);
    withSettings.add(
        ParameterSpec.builder(RuntimeTypes.STREAM_SETTINGS, SETTINGS).build());
    CodeBlock fullLink = Javadocs.link(
        channel.methodName(), withSettings.stream().map(p -> p.type()).toList());
    MethodSpec.Builder plain = connectSignature(
            channel,
            session,
            arguments,
            Optional.of(CodeBlock.of("Same as $L, with default stream settings.", fullLink)))
        .addStatement(
            "return $N($L$T.$N())",
            channel.methodName(),
            names,
            RuntimeTypes.STREAM_SETTINGS,
            RuntimeMethods.DEFAULT_SETTINGS);
    MethodSpec.Builder full = connectSignature(channel, session, withSettings, Optional.empty());
    full.addStatement(
        "$T<$T, $T> $N = new $T<>()",
        Map.class,
        String.class,
        String.class,
        QUERY,
        LinkedHashMap.class);
    for (Parameter parameter : channel.parameters()) {
      if (parameter.constant().isPresent()) continue;
      if (parameters.isPresent()) {
        RequestField field = parameters.get().fields().stream()
            .filter(f -> f.wireName().equals(parameter.wireName()))
            .findFirst()
            .orElseThrow();
        if (field.required()) {
          full.addStatement(
              "$N.put($S, $L)",
              QUERY,
              parameter.wireName(),
              jsonText(CodeBlock.of("$N.$N()", PARAMS, field.javaName())));
        } else {
          full.addStatement(
              "$N.$N().ifPresent(value -> $N.put($S, $L))",
              PARAMS,
              field.javaName(),
              QUERY,
              parameter.wireName(),
              jsonText(CodeBlock.of("value")));
        }
      } else {
        full.addStatement(
            "$N.put($S, $L)",
            QUERY,
            parameter.wireName(),
            jsonText(CodeBlock.of("$N", parameter.javaName())));
      }
    }
    if (channel.contexts().isPresent()) {
      full.addStatement(
          "return $L",
          SessionEmitter.wrap(
              support.packages,
              channel,
              CodeBlock.of(
                  "$T.$N($N, $N, new $T(), $N, $N)",
                  RuntimeTypes.MULTIPLEXED_SESSION,
                  RuntimeMethods.CONNECT,
                  CONTEXT,
                  JavaNames.channelField(channel),
                  support.names.protocol(channel),
                  QUERY,
                  SETTINGS)));
    } else {
      full.addStatement(
          "return $L",
          SessionEmitter.wrap(
              support.packages,
              channel,
              CodeBlock.of(
                  "$T.$N($N, $N, $N, $N)",
                  RuntimeTypes.WEB_SOCKET_SESSION,
                  RuntimeMethods.CONNECT,
                  CONTEXT,
                  JavaNames.channelField(channel),
                  QUERY,
                  SETTINGS)));
    }
    List<MethodSpec> methods = new ArrayList<>(List.of(plain.build(), full.build()));
    // A typed session sends its own audio.
    if (channel.contexts().isEmpty()
        && channel.sendsBinary()
        && channel.session().isEmpty()) {
      methods.add(StreamingHelpers.sendAudio(channel, session));
    }
    if (channel.contexts().isPresent() && channel.speech().isPresent()) {
      methods.add(
          StreamingHelpers.collectSpeech(channel, receive, support.names.protocol(channel)));
    }
    return methods;
  }

  private static CodeBlock jsonText(CodeBlock value) {
    return CodeBlock.of(
        "$T.$N($N.$N(), $L)",
        RuntimeTypes.JSON_TEXT,
        RuntimeMethods.JSON_TEXT_OF,
        CONTEXT,
        RuntimeMethods.JSON,
        value);
  }

  /** A connect method with its Javadoc: the full description, or for an overload ({@code sameAs}) a link to it. */
  private MethodSpec.Builder connectSignature(
      Channel channel,
      TypeName session,
      List<ParameterSpec> parameters,
      Optional<CodeBlock> sameAs) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(channel.methodName())
        .addModifiers(Modifier.PUBLIC)
        .returns(session);
    Javadocs.Comment comment = new Javadocs.Comment();
    if (sameAs.isPresent()) {
      comment.paragraph("$L", sameAs.get());
    } else {
      comment
          .docs(channel.docs())
          .paragraph(
              channel.contexts().isPresent()
                  ? "Connects and waits for the handshake. Open a context per generation with {@code context()}; close the session when done."
                  : "Connects and waits for the handshake. Close the session when done.");
    }
    for (ParameterSpec parameter : parameters) {
      method.addParameter(parameter);
      String doc = switch (parameter.name()) {
        case PARAMS -> "the query parameters of the handshake";
        case SETTINGS -> "buffering and timeouts of the session";
        default ->
          channel.parameters().stream()
              .filter(p -> p.javaName().equals(parameter.name()))
              .findFirst()
              .map(p -> p.docs().text().isEmpty()
                  ? "the " + Javadocs.code(p.wireName()) + " query parameter"
                  : Javadocs.paragraphs(p.docs().text()))
              .orElse(parameter.name());
      };
      comment.tag("@param $N $L", parameter.name(), doc);
    }
    return method.addJavadoc(comment.build());
  }

  /** The type of the variant of a tagged union that a tag names. */
  private Optional<String> variantTagged(TypeRef union, String tag) {
    if (!(union instanceof TypeRef.Named named)
        || !(support.model.type(named.name()).orElse(null)
            instanceof TypeDecl.DiscriminatedUnion tagged)) {
      return Optional.empty();
    }
    return tagged.variants().stream()
        .filter(v -> v.tag().equals(tag))
        .findFirst()
        .map(TypeDecl.Variant::type);
  }

  private TypeName channelType(Channel channel) {
    return ParameterizedTypeName.get(
        RuntimeTypes.WEB_SOCKET_CHANNEL, sendType(channel), support.types.boxed(channel.receive()));
  }

  private TypeName sendType(Channel channel) {
    return channel.send().map(support.types::boxed).orElse(ClassName.get(Void.class));
  }
}
