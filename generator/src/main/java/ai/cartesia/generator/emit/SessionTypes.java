package ai.cartesia.generator.emit;

import static ai.cartesia.generator.emit.VariantFields.field;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.ChannelSession;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** What the emitters of typed session classes share: the reading methods and the model's types. */
final class SessionTypes {

  private final ApiModel model;
  private final Packages packages;

  SessionTypes(ApiModel model, Packages packages) {
    this.model = model;
    this.packages = packages;
  }

  /** What a context opened for full requests passes for its settings: none. */
  static String plainArgument(ChannelSession spec) {
    return spec.incrementalText().isPresent() ? ", null" : "";
  }

  /** {@code messages()}, {@code iterator()} and {@code receive(Duration)} over {@code field.messages()}. */
  static void addReading(TypeSpec.Builder type, TypeName receive, String field) {
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

  static MethodSpec close(String field, String doc) {
    return MethodSpec.methodBuilder("close")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(doc)
        .addStatement("$N.close()", field)
        .build();
  }

  static MethodSpec toStringMethod(String name, String field) {
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S + $N + $S", name + "{", field, "}")
        .build();
  }

  TypeName send(Channel channel) {
    return channel.send().map(this::model).orElse(ClassName.get(Void.class));
  }

  TypeName receive(Channel channel) {
    return model(channel.receive());
  }

  ClassName model(TypeRef ref) {
    return packages.modelType(((TypeRef.Named) ref).name());
  }

  TypeDecl.ObjectDecl object(TypeRef ref) {
    return (TypeDecl.ObjectDecl) model.type(((TypeRef.Named) ref).name()).orElseThrow();
  }

  static String javaName(TypeDecl.ObjectDecl object, String wireName) {
    return field(object, wireName)
        .map(Field::javaName)
        .orElseThrow(() -> new IllegalStateException(object.name() + " has no property '" + wireName
            + "', which x-websocket session.incrementalText names"));
  }

  ClassName variantTagged(TypeRef union, String tag) {
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
