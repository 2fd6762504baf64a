package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Resource;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code StreamDecoders}: for each message type that arrives streamed (WebSocket frames,
 * Server-Sent Events), the decoder the SDK uses. Where variants carry base64 audio, it reads the
 * audio straight into bytes and binds only the rest.
 */
final class DecodersEmitter {

  private final ApiModel model;
  private final Packages packages;
  private final JavaNames names;

  DecodersEmitter(ApiModel model, Packages packages, JavaNames names) {
    this.model = model;
    this.packages = packages;
    this.names = names;
  }

  ClassName className() {
    return names.streamDecoders();
  }

  /** The named types that arrive streamed, in a stable order. */
  List<String> streamedTypes() {
    Map<String, Boolean> names = new LinkedHashMap<>();
    for (Channel channel : model.channels()) {
      if (channel.receive() instanceof TypeRef.Named named) names.put(named.name(), true);
    }
    for (Resource resource : model.resources()) {
      resource.operations().forEach(operation -> {
        if (operation.response() instanceof Response.EventStream stream
            && stream.eventType() instanceof TypeRef.Named named) {
          names.put(named.name(), true);
        }
      });
    }
    return new ArrayList<>(names.keySet());
  }

  Optional<TypeSpec> emit() {
    List<String> streamed = streamedTypes();
    if (streamed.isEmpty()) return Optional.empty();
    TypeSpec.Builder type = TypeSpec.classBuilder(className())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(
            "How each streamed message type is decoded from the text of a frame or an event.\n")
        .addMethod(
            MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    TokenDecoders tokens = new TokenDecoders(model, packages);
    for (String name : streamed) type.addMethod(decoder(name, tokens));
    for (var end : streamEnds().entrySet())
      type.addMethod(endsMethod(end.getKey(), end.getValue()));
    type.addMethods(tokens.methods());
    return Optional.of(type.build());
  }

  /** The event types whose streams end on a message, with the boolean property that says so. */
  private Map<String, String> streamEnds() {
    Map<String, String> ends = new LinkedHashMap<>();
    for (Resource resource : model.resources()) {
      resource.operations().forEach(operation -> {
        if (operation.response() instanceof Response.EventStream stream
            && stream.eventType() instanceof TypeRef.Named named) {
          stream.endsWhen().ifPresent(property -> ends.putIfAbsent(named.name(), property));
        }
      });
    }
    return ends;
  }

  private MethodSpec endsMethod(String typeName, String property) {
    ClassName message = packages.modelType(typeName);
    MethodSpec.Builder method = MethodSpec.methodBuilder(JavaNames.endsMethod(typeName))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(message, "message")
        .addJavadoc(
            "Whether the message ends its stream: its $L is true.\n", Javadocs.code(property));
    for (ObjectDecl variant : objectVariants(typeName)) {
      method
          .beginControlFlow(
              "if (message instanceof $T variant)", packages.modelType(variant.name()))
          .addStatement("return $L", VariantFields.flag(variant, property))
          .endControlFlow();
    }
    if (model.type(typeName).orElseThrow() instanceof TypeDecl.DiscriminatedUnion) {
      method.addStatement(
          "return message instanceof $T.Unknown unknown && unknown.json().path($S).asBoolean(false)",
          message,
          property);
    } else {
      method.addStatement("return false");
    }
    return method.build();
  }

  private List<ObjectDecl> objectVariants(String name) {
    List<ObjectDecl> objects = new ArrayList<>();
    TypeDecl decl = model.type(name).orElseThrow();
    if (decl instanceof TypeDecl.DiscriminatedUnion union) {
      UnionEmitter.distinctTypes(union)
          .forEach(v -> objects.add((ObjectDecl) model.type(v.type()).orElseThrow()));
    } else if (decl instanceof ObjectDecl object) {
      objects.add(object);
    }
    return objects;
  }

  private MethodSpec decoder(String name, TokenDecoders tokens) {
    ClassName message = packages.modelType(name);
    MethodSpec.Builder method = MethodSpec.methodBuilder(JavaNames.decoderMethod(name))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(RuntimeTypes.FRAME_DECODER, message))
        .addParameter(ClassName.get("com.fasterxml.jackson.databind", "ObjectMapper"), "json")
        .addJavadoc("Decodes {@link $T} messages.\n", message);
    CodeBlock general =
        CodeBlock.of("$T.json(json, $T.class)", RuntimeTypes.FRAME_DECODER, message);
    Map<String, List<ObjectDecl>> byField = base64Variants(name);
    if (byField.size() != 1)
      return method
          .addStatement("return $L", tagged(name, tokens).orElse(general))
          .build();

    var entry = byField.entrySet().iterator().next();
    CodeBlock.Builder attach = CodeBlock.builder();
    for (ObjectDecl variant : entry.getValue()) {
      String javaField = variant.fields().stream()
          .filter(f -> f.wireName().equals(entry.getKey()))
          .findFirst()
          .orElseThrow()
          .javaName();
      attach.add(
          "message instanceof $T variant ? variant.toBuilder().$N(bytes).build()\n    : ",
          packages.modelType(variant.name()),
          javaField);
    }
    attach.add("null");
    // The variants with base64, by tag: bound directly, without Jackson's polymorphic handling.
    CodeBlock tag = CodeBlock.of("null");
    CodeBlock.Builder variants = CodeBlock.builder().add("$T.of(", Map.class);
    if (model.type(name).orElseThrow() instanceof TypeDecl.DiscriminatedUnion union
        && union.whenUntagged().isEmpty()) {
      tag = CodeBlock.of("$S", union.property());
      List<CodeBlock> entries = new ArrayList<>();
      for (TypeDecl.Variant variant : union.variants()) {
        if (entry.getValue().stream().anyMatch(o -> o.name().equals(variant.type()))) {
          entries.add(CodeBlock.of("$S, $L", variant.tag(), variantDecoder(variant, tokens)));
        }
      }
      variants.add(CodeBlock.join(entries, ", "));
    }
    variants.add(")");
    method.addJavadoc(
        "\n<p>The base64 $L of a message goes straight from the text into bytes.\n",
        Javadocs.code(entry.getKey()));
    return method
        .addStatement(
            "return new $T<>($S, $L, $L, $L, (message, bytes) ->\n    $L)",
            RuntimeTypes.BASE64_FIELD_DECODER,
            entry.getKey(),
            general,
            tag,
            variants.build(),
            attach.build())
        .build();
  }

  /**
   * For a tagged union, a decoder that reads the tag and binds the variant it names directly,
   * without Jackson's polymorphic handling; the union's own binding for any other message.
   */
  private Optional<CodeBlock> tagged(String name, TokenDecoders tokens) {
    // Only where each tag has a class of its own and untagged messages need no rules.
    if (!(model.type(name).orElseThrow() instanceof TypeDecl.DiscriminatedUnion union)
        || !union.whenUntagged().isEmpty()
        || UnionEmitter.distinctTypes(union).size() != union.variants().size()) {
      return Optional.empty();
    }
    List<CodeBlock> entries = new ArrayList<>();
    for (TypeDecl.Variant variant : union.variants()) {
      entries.add(CodeBlock.of("$S, $L", variant.tag(), variantDecoder(variant, tokens)));
    }
    return Optional.of(CodeBlock.of(
        "new $T<>($T.json(json, $T.class), $S, $T.of($L))",
        RuntimeTypes.TAGGED_DECODER,
        RuntimeTypes.FRAME_DECODER,
        packages.modelType(name),
        union.property(),
        Map.class,
        CodeBlock.join(entries, ", ")));
  }

  /** A variant's decoder: token by token where its type allows, otherwise its data binding. */
  private CodeBlock variantDecoder(TypeDecl.Variant variant, TokenDecoders tokens) {
    return tokens.decoder(
        variant.type(),
        CodeBlock.of(
            "$T.json(json, $T.class)",
            RuntimeTypes.FRAME_DECODER,
            packages.modelType(variant.type())));
  }

  /** The variants of a type with a required top-level base64 field, by the field's wire name. */
  private Map<String, List<ObjectDecl>> base64Variants(String name) {
    List<ObjectDecl> candidates = objectVariants(name);
    Map<String, List<ObjectDecl>> byField = new LinkedHashMap<>();
    for (ObjectDecl candidate : candidates) {
      for (Field field : candidate.fields()) {
        boolean base64 = field.type() instanceof TypeRef.Primitive p
            && p.kind() == TypeRef.Primitive.Kind.BASE64;
        if (base64 && field.required() && !field.nullable()) {
          byField.computeIfAbsent(field.wireName(), k -> new ArrayList<>()).add(candidate);
        }
      }
    }
    return byField;
  }
}
