package ai.cartesia.generator.emit;

import static ai.cartesia.generator.emit.VariantFields.field;
import static ai.cartesia.generator.emit.VariantFields.flag;
import static ai.cartesia.generator.emit.VariantFields.text;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits the {@code ContextProtocol} of a multiplexed channel from its {@code x-websocket} keys:
 * how a message names its context, ends it or reports its failure, and how to cancel one. It
 * also reads the speech out of messages, for the helpers that collect it.
 */
final class ProtocolEmitter {

  private final ApiModel model;
  private final Packages packages;
  private final JavaNames names;

  ProtocolEmitter(ApiModel model, Packages packages, JavaNames names) {
    this.model = model;
    this.packages = packages;
    this.names = names;
  }

  TypeSpec emit(Channel channel) {
    Channel.Contexts contexts = channel.contexts().orElseThrow();
    ClassName self = names.protocol(channel);
    TypeName send = channel.send().map(this::type).orElse(ClassName.get(Void.class));
    TypeName receive = type(channel.receive());
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.CONTEXT_PROTOCOL, send, receive))
        .addJavadoc(
            "How the contexts of $L work: messages name theirs in $L.\n",
            Javadocs.code("/" + channel.path()),
            Javadocs.code(contexts.key()));

    List<ObjectDecl> received = variants(channel.receive());
    List<ObjectDecl> sent = channel.send().map(this::variants).orElse(List.of());

    MethodSpec.Builder contextOf = override(
            "contextOf",
            ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(String.class)))
        .addParameter(receive, "message");
    for (ObjectDecl variant : received)
      contextOf.addCode(ifVariant(variant, "message", "return $L", text(variant, contexts.key())));
    contextOf.addStatement("return $L", unknownText(receive, "message", contexts.key()));
    type.addMethod(contextOf.build());

    MethodSpec.Builder isLast =
        override("isLast", TypeName.BOOLEAN).addParameter(receive, "message");
    if (contexts.endsWhen().isPresent()) {
      String property = contexts.endsWhen().get();
      for (ObjectDecl variant : received)
        isLast.addCode(ifVariant(variant, "message", "return $L", flag(variant, property)));
      isLast.addStatement("return $L", unknownFlag(receive, "message", property));
    } else {
      isLast.addStatement("return false");
    }
    type.addMethod(isLast.build());

    MethodSpec.Builder errorOf = override(
            "errorOf",
            ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(String.class)))
        .addParameter(receive, "message");
    contexts.errorTag().flatMap(tag -> variantTagged(channel.receive(), tag)).ifPresent(variant -> {
      // The first field present wins; a message with none still fails its context.
      CodeBlock.Builder text = CodeBlock.builder();
      for (String field : contexts.errorFields()) {
        if (field(variant, field).isEmpty()) continue;
        if (text.isEmpty()) text.add("$L", text(variant, field));
        else text.add("\n    .or(() -> $L)", text(variant, field));
      }
      if (text.isEmpty()) text.add("$T.<$T>empty()", Optional.class, String.class);
      errorOf.addCode(ifVariant(
          variant,
          "message",
          "return $L\n    .or(() -> $T.of($S))",
          text.build(),
          Optional.class,
          "the server reported an error without a message"));
    });
    errorOf.addStatement("return $T.empty()", Optional.class);
    type.addMethod(errorOf.build());

    MethodSpec.Builder cancel =
        override("cancelRequest", send).addParameter(String.class, "contextId");
    Optional<ObjectDecl> cancelType = contexts.cancel().map(this::object);
    if (cancelType.isPresent() && field(cancelType.get(), contexts.key()).isPresent()) {
      cancel.addStatement(
          "return $T.builder().$N(contextId).build()",
          packages.modelType(cancelType.get().name()),
          field(cancelType.get(), contexts.key()).get().javaName());
    } else {
      cancel.addStatement(
          "throw new $T($S)",
          UnsupportedOperationException.class,
          "the API defines no way to cancel a context");
    }
    type.addMethod(cancel.build());

    MethodSpec.Builder contextOfRequest = override(
            "contextOfRequest",
            ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(String.class)))
        .addParameter(send, "message");
    MethodSpec.Builder withContext = override("withContext", send)
        .addParameter(send, "message")
        .addParameter(String.class, "contextId");
    for (ObjectDecl variant : sent) {
      if (field(variant, contexts.key()).isEmpty()) continue;
      contextOfRequest.addCode(
          ifVariant(variant, "message", "return $L", text(variant, contexts.key())));
      withContext.addCode(ifVariant(
          variant,
          "message",
          "return variant.toBuilder().$N(contextId).build()",
          field(variant, contexts.key()).get().javaName()));
    }
    contextOfRequest.addStatement("return $T.empty()", Optional.class);
    withContext.addStatement("return message");
    type.addMethod(contextOfRequest.build());
    type.addMethod(withContext.build());

    type.addMethod(override(
            "contextOfUndecodable",
            ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(String.class)))
        .addParameter(String.class, "frame")
        .addStatement("return $T.topLevelText(frame, $S)", RuntimeTypes.JSON_FIELDS, contexts.key())
        .build());
    channel.speech().ifPresent(speech -> addSpeech(type, speech, received, receive));
    return type.build();
  }

  /** {@code audioOf} and {@code wordsOf}: the audio and the word timings a message carries. */
  private void addSpeech(
      TypeSpec.Builder type, Channel.Speech speech, List<ObjectDecl> received, TypeName receive) {
    MethodSpec.Builder audio = MethodSpec.methodBuilder("audioOf")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The audio of a message, or null if it has none.\n")
        .returns(byte[].class)
        .addParameter(receive, "message");
    for (ObjectDecl variant : received) {
      field(variant, speech.audio())
          .filter(f -> JavaTypes.isBytes(f.type()))
          .ifPresent(f -> audio.addCode(ifVariant(
              variant,
              "message",
              "return $L",
              f.required()
                  ? CodeBlock.of("variant.$N()", f.javaName())
                  : CodeBlock.of("variant.$N().orElse(null)", f.javaName()))));
    }
    type.addMethod(audio.addStatement("return null").build());
    // For the listeners' time to first audio.
    type.addMethod(override("hasAudio", TypeName.BOOLEAN)
        .addParameter(receive, "message")
        .addStatement("byte[] audio = audioOf(message)")
        .addStatement("return audio != null && audio.length > 0")
        .build());

    MethodSpec.Builder words = MethodSpec.methodBuilder("wordsOf")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The word timings of a message, or an empty list if it has none.\n")
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.WORD_TIMING))
        .addParameter(receive, "message");
    speech.wordTimestamps().ifPresent(property -> {
      for (ObjectDecl variant : received) {
        Optional<Field> field = field(variant, property);
        if (field.isEmpty() || !(field.get().type() instanceof TypeRef.Named timings)) continue;
        ObjectDecl object = object(timings);
        List<String> lists = new ArrayList<>();
        for (String name : List.of("words", "start", "end"))
          field(object, name).ifPresent(f -> lists.add(f.javaName()));
        if (lists.size() != 3) continue;
        CodeBlock zip = CodeBlock.of(
            "$T.zip(timings.$N(), timings.$N(), timings.$N())",
            RuntimeTypes.WORD_TIMING,
            lists.get(0),
            lists.get(1),
            lists.get(2));
        words.beginControlFlow(
            "if (message instanceof $T variant)", packages.modelType(variant.name()));
        if (field.get().required()) {
          words
              .addStatement(
                  "$T timings = variant.$N()", type(timings), field.get().javaName())
              .addStatement("return $L", zip);
        } else {
          words.addStatement(
              "return variant.$N().map(timings -> $L).orElse($T.of())",
              field.get().javaName(),
              zip,
              List.class);
        }
        words.endControlFlow();
      }
    });
    type.addMethod(words.addStatement("return $T.of()", List.class).build());
  }

  private TypeName type(TypeRef ref) {
    return packages.modelType(((TypeRef.Named) ref).name());
  }

  private ObjectDecl object(TypeRef ref) {
    return (ObjectDecl) model.type(((TypeRef.Named) ref).name()).orElseThrow();
  }

  /** The object types a message can be: the variants of a union, or the one object. */
  private List<ObjectDecl> variants(TypeRef ref) {
    TypeDecl decl = model.type(((TypeRef.Named) ref).name()).orElseThrow();
    List<ObjectDecl> objects = new ArrayList<>();
    if (decl instanceof TypeDecl.DiscriminatedUnion union) {
      UnionEmitter.distinctTypes(union)
          .forEach(v -> objects.add((ObjectDecl) model.type(v.type()).orElseThrow()));
    } else if (decl instanceof TypeDecl.UntaggedUnion union) {
      union.variants().forEach(v -> {
        if (v.type() instanceof TypeRef.Named named
            && model.type(named.name()).orElseThrow() instanceof ObjectDecl object)
          objects.add(object);
      });
    } else if (decl instanceof ObjectDecl object) {
      objects.add(object);
    }
    return objects;
  }

  private Optional<ObjectDecl> variantTagged(TypeRef union, String tag) {
    if (!(model.type(((TypeRef.Named) union).name()).orElseThrow()
        instanceof TypeDecl.DiscriminatedUnion tagged)) return Optional.empty();
    return tagged.variants().stream()
        .filter(v -> v.tag().equals(tag))
        .findFirst()
        .map(v -> (ObjectDecl) model.type(v.type()).orElseThrow());
  }

  private CodeBlock ifVariant(
      ObjectDecl variant, String variable, String statement, Object... args) {
    return CodeBlock.builder()
        .beginControlFlow(
            "if ($N instanceof $T variant)", variable, packages.modelType(variant.name()))
        .addStatement(statement, args)
        .endControlFlow()
        .build();
  }

  /** For an {@code Unknown} variant, the property read from its JSON. */
  private CodeBlock unknownText(TypeName union, String variable, String wireName) {
    if (!hasUnknown(union)) return CodeBlock.of("$T.empty()", Optional.class);
    return CodeBlock.of(
        "$N instanceof $T.Unknown unknown ? $T.ofNullable(unknown.json().get($S)).filter($T::isTextual).map($T::asText) : $T.empty()",
        variable,
        union,
        Optional.class,
        wireName,
        RuntimeTypes.JSON_NODE,
        RuntimeTypes.JSON_NODE,
        Optional.class);
  }

  private CodeBlock unknownFlag(TypeName union, String variable, String wireName) {
    if (!hasUnknown(union)) return CodeBlock.of("false");
    return CodeBlock.of(
        "$N instanceof $T.Unknown unknown && unknown.json().path($S).asBoolean(false)",
        variable,
        union,
        wireName);
  }

  private boolean hasUnknown(TypeName union) {
    return model.type(((ClassName) union).simpleName()).orElse(null)
        instanceof TypeDecl.DiscriminatedUnion;
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }
}
