package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * For {@code StreamDecoders}: the streamed object types that can be read token by token into
 * their builders ({@code TokenDecoder}), and the method that makes each one's decoder. A type
 * qualifies when every property it stores is a plain required or optional value the runtime
 * reads directly (string, boolean, 32- and 64-bit integer, double, base64, or an object, or a
 * list of objects, that qualifies in turn) and its unknown properties are kept as JSON trees.
 * Other types keep Jackson's data binding.
 */
final class TokenDecoders {

  private final ApiModel model;
  private final Packages packages;
  /** The methods to emit, by type name, in the order first asked for (nested types first). */
  private final Map<String, MethodSpec> methods = new LinkedHashMap<>();

  TokenDecoders(ApiModel model, Packages packages) {
    this.model = model;
    this.packages = packages;
  }

  /**
   * The expression of the decoder of the variant {@code name}, given the mapper {@code json}: the
   * token decoder where the type qualifies, otherwise {@code general}.
   */
  CodeBlock decoder(String name, CodeBlock general) {
    if (!(model.type(name).orElse(null) instanceof ObjectDecl object)
        || !qualifies(object, new HashSet<>())) {
      return general;
    }
    require(object);
    return CodeBlock.of("$N(json)", method(name));
  }

  /** The methods asked for so far. */
  Iterable<MethodSpec> methods() {
    return methods.values();
  }

  private static String method(String typeName) {
    return "read" + typeName;
  }

  private boolean qualifies(ObjectDecl object, Set<String> visiting) {
    if (object.additionalProperties().isPresent()) return false;
    if (!visiting.add(object.name())) return false; // recursive types keep the data binding
    for (Field field : FieldKind.stored(object)) {
      FieldKind kind = FieldKind.of(field);
      if (kind != FieldKind.REQUIRED && kind != FieldKind.OPTIONAL) return false;
      if (!readable(field.type(), visiting)) return false;
    }
    visiting.remove(object.name());
    return true;
  }

  private boolean readable(TypeRef type, Set<String> visiting) {
    if (type instanceof TypeRef.Primitive primitive) {
      return switch (primitive.kind()) {
        case STRING, BOOLEAN, INT32, INT64, DOUBLE, BASE64 -> true;
        default -> false;
      };
    }
    if (type instanceof TypeRef.ListOf list) {
      return list.element() instanceof TypeRef.Named && readable(list.element(), visiting);
    }
    return type instanceof TypeRef.Named named
        && model.type(named.name()).orElse(null) instanceof ObjectDecl nested
        && qualifies(nested, visiting);
  }

  /** Adds the method of {@code object}, after those of the objects it holds. */
  private void require(ObjectDecl object) {
    if (methods.containsKey(object.name())) return;
    ClassName self = packages.modelType(object.name());
    ClassName builder = self.nestedClass(JavaNames.BUILDER);
    CodeBlock.Builder body = CodeBlock.builder()
        .add(
            "return $T.of(json, $T.json(json, $T.class), $T::builder, $T::build,"
                + " $T::putAdditionalProperty)",
            RuntimeTypes.TOKEN_DECODER,
            RuntimeTypes.FRAME_DECODER,
            self,
            self,
            builder,
            builder)
        .indent();
    // Tags and constants are fixed by the type: read and dropped, as the data binding does.
    object.tags().forEach(tag -> body.add("\n.ignored($S)", tag.wireName()));
    object.fields().stream()
        .filter(f -> FieldKind.of(f) == FieldKind.CONSTANT)
        .forEach(f -> body.add("\n.ignored($S)", f.wireName()));
    for (Field field : FieldKind.stored(object)) {
      body.add("\n");
      body.add(property(field, builder));
    }
    body.add("\n.build();\n").unindent();
    MethodSpec method = MethodSpec.methodBuilder(method(object.name()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(RuntimeTypes.TOKEN_DECODER, builder, self))
        .addParameter(ClassName.get(RuntimeTypes.JACKSON_DATABIND, "ObjectMapper"), "json")
        .addJavadoc(
            "Reads {@link $T} token by token; its data binding reads anything but the plain"
                + " case.\n",
            self)
        .addCode(body.build())
        .build();
    methods.put(object.name(), method); // after the methods of the objects it holds
  }

  private CodeBlock property(Field field, ClassName builder) {
    String name = field.wireName();
    CodeBlock setter = CodeBlock.of("$T::$N", builder, field.javaName());
    TypeRef type = field.type();
    if (type instanceof TypeRef.Primitive primitive) {
      String reader = switch (primitive.kind()) {
        case STRING -> "text";
        case BOOLEAN -> "flag";
        case INT32 -> "int32";
        case INT64 -> "int64";
        case DOUBLE -> "float64";
        case BASE64 -> "base64";
        default -> throw new IllegalStateException("not read token by token: " + primitive);
      };
      return CodeBlock.of(".$L($S, $L)", reader, name, setter);
    }
    if (type instanceof TypeRef.ListOf list && list.element() instanceof TypeRef.Named element) {
      return CodeBlock.of(".objects($S, $L, $L)", name, nested(element.name()), setter);
    }
    TypeRef.Named named = (TypeRef.Named) type;
    return CodeBlock.of(".object($S, $L, $L)", name, nested(named.name()), setter);
  }

  private CodeBlock nested(String name) {
    ObjectDecl object = (ObjectDecl) model.type(name).orElseThrow();
    require(object);
    return CodeBlock.of("$N(json)", method(name));
  }
}
