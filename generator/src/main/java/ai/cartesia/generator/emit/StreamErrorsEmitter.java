package ai.cartesia.generator.emit;

import static ai.cartesia.generator.emit.VariantFields.field;
import static ai.cartesia.generator.emit.VariantFields.text;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.Resource;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.StreamError;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code StreamErrors}: for each streamed message type whose errors the spec describes
 * ({@code x-stream-error}, {@code x-websocket} {@code error} / {@code contextError}), a method
 * that reads a message's error (text and status) for the core streams, which end on it. The
 * class is package-private: only the generated clients use it.
 */
final class StreamErrorsEmitter {

  static final String CLASS_NAME = "StreamErrors";

  private final ApiModel model;
  private final Packages packages;

  StreamErrorsEmitter(ApiModel model, Packages packages) {
    this.model = model;
    this.packages = packages;
  }

  /** {@code StreamErrors::method} for the message type, when it has error messages. */
  static CodeBlock reference(Packages packages, TypeRef messageType) {
    return CodeBlock.of("$T::$N", packages.internalType(CLASS_NAME), methodName(messageType));
  }

  Optional<TypeSpec> emit() {
    Map<String, StreamError> rules = new TreeMap<>();
    for (Channel channel : model.channels()) {
      channel.error().ifPresent(error -> rules.putIfAbsent(name(channel.receive()), error));
    }
    for (Resource resource : model.resources()) {
      resource.operations().forEach(operation -> {
        if (operation.response() instanceof Response.EventStream stream
            && stream.error().isPresent()
            && stream.eventType() instanceof TypeRef.Named) {
          rules.putIfAbsent(name(stream.eventType()), stream.error().get());
        }
      });
    }
    if (rules.isEmpty()) return Optional.empty();
    TypeSpec.Builder type = TypeSpec.classBuilder(CLASS_NAME)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(
            "Which streamed messages report an error, and what they say: such a message ends its stream.\n")
        .addMethod(
            MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    rules.forEach((union, rule) -> type.addMethod(reader(union, rule)));
    return Optional.of(type.build());
  }

  private MethodSpec reader(String union, StreamError rule) {
    ClassName messageType = packages.modelType(union);
    MethodSpec.Builder method = MethodSpec.methodBuilder(methodName(union))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(
            ParameterizedTypeName.get(ClassName.get(Optional.class), StreamingRuntime.SERVER_ERROR))
        .addParameter(messageType, "message");
    variantTagged(union, rule.tag()).ifPresent(variant -> {
      CodeBlock.Builder textOf = CodeBlock.builder();
      for (String name : rule.messageFields()) {
        if (field(variant, name).isEmpty()) continue;
        textOf.add(textOf.isEmpty() ? "$L" : "\n    .or(() -> $L)", text(variant, name));
      }
      if (textOf.isEmpty()) textOf.add("$T.<$T>empty()", Optional.class, String.class);
      method
          .beginControlFlow(
              "if (message instanceof $T variant)", packages.modelType(variant.name()))
          .addStatement(
              "$T text = $L\n    .orElse($S)",
              String.class,
              textOf.build(),
              "the server reported an error without a message");
      Optional<Field> status = rule.statusField().flatMap(name -> field(variant, name));
      if (status.isPresent() && status.get().required() && !status.get().nullable()) {
        method.addStatement(
            "return $T.of($T.of(text, variant.$N()))",
            Optional.class,
            StreamingRuntime.SERVER_ERROR,
            status.get().javaName());
      } else if (status.isPresent()) {
        method.addStatement(
            "return $T.of(variant.$N().map(code -> $T.of(text, code)).orElseGet(() -> $T.of(text)))",
            Optional.class,
            status.get().javaName(),
            StreamingRuntime.SERVER_ERROR,
            StreamingRuntime.SERVER_ERROR);
      } else {
        method.addStatement(
            "return $T.of($T.of(text))", Optional.class, StreamingRuntime.SERVER_ERROR);
      }
      method.endControlFlow();
    });
    return method.addStatement("return $T.empty()", Optional.class).build();
  }

  private Optional<TypeDecl.ObjectDecl> variantTagged(String union, String tag) {
    if (!(model.type(union).orElse(null) instanceof TypeDecl.DiscriminatedUnion tagged))
      return Optional.empty();
    return tagged.variants().stream()
        .filter(v -> v.tag().equals(tag))
        .findFirst()
        .flatMap(v -> model.type(v.type()))
        .filter(TypeDecl.ObjectDecl.class::isInstance)
        .map(TypeDecl.ObjectDecl.class::cast);
  }

  private static String name(TypeRef ref) {
    return ((TypeRef.Named) ref).name();
  }

  private static String methodName(TypeRef ref) {
    return methodName(name(ref));
  }

  private static String methodName(String union) {
    return Naming.memberName(union);
  }
}
