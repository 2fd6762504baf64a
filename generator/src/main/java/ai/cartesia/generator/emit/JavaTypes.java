package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.TypeRef;
import ai.cartesia.generator.model.TypeRef.Primitive.Kind;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** The Java type of each model type reference. */
final class JavaTypes {

  private final Packages packages;

  JavaTypes(Packages packages) {
    this.packages = packages;
  }

  /** The type as a field holds it: primitives where the value is always there. */
  TypeName of(TypeRef ref) {
    return ref.accept(new TypeRef.Visitor<>() {
      @Override
      public TypeName visitPrimitive(TypeRef.Primitive primitive) {
        return JavaTypes.primitive(primitive.kind());
      }

      @Override
      public TypeName visitNamed(TypeRef.Named named) {
        return packages.modelType(named.name());
      }

      @Override
      public TypeName visitList(TypeRef.ListOf list) {
        return ParameterizedTypeName.get(ClassName.get(List.class), boxed(list.element()));
      }

      @Override
      public TypeName visitMap(TypeRef.MapOf map) {
        return ParameterizedTypeName.get(
            ClassName.get(Map.class), ClassName.get(String.class), boxed(map.value()));
      }
    });
  }

  /** The type where a primitive cannot go: type arguments, and values that may be missing. */
  TypeName boxed(TypeRef ref) {
    TypeName type = of(ref);
    return type.isPrimitive() ? type.box() : type;
  }

  /**
   * For a setter taking a boxed {@code Long}, {@code Double} or {@code Float}, an overload taking
   * the primitive, so that a literal such as {@code 200} or {@code 1} can be passed (Java does not
   * widen and box in one step); {@code Integer} and {@code Boolean} need none.
   */
  static Optional<MethodSpec> literalOverload(
      String name, TypeName type, TypeName returns, boolean deprecated) {
    if (!type.equals(TypeName.LONG)
        && !type.equals(TypeName.DOUBLE)
        && !type.equals(TypeName.FLOAT)) return Optional.empty();
    MethodSpec.Builder overload = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns)
        .addJavadoc("As {@link #$N($T)}, for a plain {@code $T}.\n", name, type.box(), type)
        .addParameter(type, name)
        .addStatement("return $N($T.valueOf($N))", name, type.box(), name);
    if (deprecated) overload.addAnnotation(Deprecated.class);
    return Optional.of(overload.build());
  }

  /** Whether the reference is a string on the wire and in Java. */
  static boolean isText(TypeRef ref) {
    return ref instanceof TypeRef.Primitive p && p.kind() == TypeRef.Primitive.Kind.STRING;
  }

  static boolean isBytes(TypeRef ref) {
    return ref instanceof TypeRef.Primitive p
        && (p.kind() == Kind.BASE64 || p.kind() == Kind.BINARY);
  }

  private static TypeName primitive(Kind kind) {
    return switch (kind) {
      case STRING, UUID -> ClassName.get(String.class);
      case BOOLEAN -> TypeName.BOOLEAN;
      case INT32 -> TypeName.INT;
      case INT64 -> TypeName.LONG;
      case BIG_INTEGER -> ClassName.get(BigInteger.class);
      case FLOAT -> TypeName.FLOAT;
      case DOUBLE -> TypeName.DOUBLE;
      case DECIMAL -> ClassName.get(BigDecimal.class);
      case DATE -> ClassName.get(LocalDate.class);
      case DATE_TIME -> ClassName.get(OffsetDateTime.class);
      case BASE64, BINARY -> ArrayTypeName.of(TypeName.BYTE);
      case ANY -> RuntimeTypes.JSON_NODE;
    };
  }
}
