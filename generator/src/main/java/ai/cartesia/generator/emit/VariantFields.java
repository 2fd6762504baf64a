package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.CodeBlock;
import java.util.Optional;

/**
 * Code that reads one property of a variant held in a local {@code variant}, whatever its
 * accessor returns (the value, or an {@code Optional} of it), for protocol and stream code that
 * asks every variant the same question.
 */
final class VariantFields {

  private VariantFields() {}

  static Optional<Field> field(ObjectDecl object, String wireName) {
    return object.fields().stream().filter(f -> f.wireName().equals(wireName)).findFirst();
  }

  /** The property as an {@code Optional<String>}; empty if the variant has no such property. */
  static CodeBlock text(ObjectDecl variant, String wireName) {
    Optional<Field> field = field(variant, wireName);
    if (field.isEmpty()) return CodeBlock.of("$T.<$T>empty()", Optional.class, String.class);
    Field f = field.get();
    boolean isString =
        f.type() instanceof TypeRef.Primitive p && p.kind() == TypeRef.Primitive.Kind.STRING;
    if (f.required() && !f.nullable()) {
      return isString
          ? CodeBlock.of("$T.of(variant.$N())", Optional.class, f.javaName())
          : CodeBlock.of(
              "$T.of($T.valueOf(variant.$N()))", Optional.class, String.class, f.javaName());
    }
    return isString
        ? CodeBlock.of("variant.$N()", f.javaName())
        : CodeBlock.of("variant.$N().map($T::valueOf)", f.javaName(), String.class);
  }

  /** The boolean property, false when absent. */
  static CodeBlock flag(ObjectDecl variant, String wireName) {
    Optional<Field> field = field(variant, wireName);
    if (field.isEmpty()) return CodeBlock.of("false");
    Field f = field.get();
    if (f.required() && !f.nullable()) return CodeBlock.of("variant.$N()", f.javaName());
    return CodeBlock.of("variant.$N().orElse(false)", f.javaName());
  }
}
