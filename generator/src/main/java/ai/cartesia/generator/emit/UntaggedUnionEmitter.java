package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Guard;
import ai.cartesia.generator.model.TypeDecl.ShapeVariant;
import ai.cartesia.generator.model.TypeDecl.UntaggedUnion;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits an untagged union: a sealed interface whose deserializer checks the JSON against guards
 * decided at generation time and binds the first variant whose guard holds; variants that are not
 * objects get a wrapper record written as their value.
 */
final class UntaggedUnionEmitter {

  private final Packages packages;
  private final JavaTypes types;

  UntaggedUnionEmitter(Packages packages, JavaTypes types) {
    this.packages = packages;
    this.types = types;
  }

  TypeSpec emit(UntaggedUnion union) {
    ClassName self = packages.modelType(union.name());
    ClassName deserializer = self.nestedClass(JavaNames.DESERIALIZER);
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addJavadoc(new Javadocs.Comment()
            .docs(union.docs())
            .paragraph(
                "One of: $L. The JSON decides which, by its shape.",
                union.variants().stream()
                    .map(v -> "{@link " + v.javaName() + "}")
                    .collect(Collectors.joining(", ")))
            .build())
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_DESERIALIZE)
            .addMember("using", "$T.class", deserializer)
            .build());
    type.addMethod(
        UnionEmitter.acceptSignature(self).addModifiers(Modifier.ABSTRACT).build());
    TypeSpec.Builder visitor = UnionEmitter.visitorBuilder();
    Map<TypeName, Long> factoriesByErasure = union.variants().stream()
        .filter(v -> !isObjectVariant(v))
        .collect(Collectors.groupingBy(v -> erasure(types.of(v.type())), Collectors.counting()));
    for (ShapeVariant variant : union.variants()) {
      ClassName variantClass = variantClass(self, variant);
      type.addPermittedSubclass(variantClass);
      visitor.addMethod(UnionEmitter.visitSignature(variant.javaName(), variantClass));
      if (!isObjectVariant(variant)) {
        type.addType(wrapperRecord(self, variant));
        // Overloads of "of" must differ after erasure: List<String> and List<Long> get names of
        // their own.
        boolean overloadable = factoriesByErasure.get(erasure(types.of(variant.type()))) == 1;
        type.addMethod(MethodSpec.methodBuilder(
                overloadable ? "of" : JavaNames.factoryMethod(variant.javaName()))
            .addJavadoc("The {@link $L} variant.\n", variant.javaName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addParameter(types.of(variant.type()), "value")
            .addStatement("return new $T(value)", variantClass)
            .build());
      }
    }
    type.addType(visitor.build());
    type.addType(deserializerType(union, self, deserializer));
    return type.build();
  }

  private static TypeName erasure(TypeName type) {
    return type instanceof ParameterizedTypeName parameterized ? parameterized.rawType() : type;
  }

  private boolean isObjectVariant(ShapeVariant variant) {
    return variant.type() instanceof TypeRef.Named named
        && variant.javaName().equals(named.name())
        && variant.guard().shape() == Guard.JsonShape.OBJECT;
  }

  private ClassName variantClass(ClassName union, ShapeVariant variant) {
    return isObjectVariant(variant)
        ? packages.modelType(((TypeRef.Named) variant.type()).name())
        : union.nestedClass(variant.javaName());
  }

  /** A variant that is not an object of its own: a record around the value, written as the value. */
  private TypeSpec wrapperRecord(ClassName union, ShapeVariant variant) {
    TypeName valueType = types.of(variant.type());
    ClassName self = union.nestedClass(variant.javaName());
    return TypeSpec.recordBuilder(variant.javaName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(union)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(com.palantir.javapoet.ParameterSpec.builder(valueType, "value")
                .addAnnotation(RuntimeTypes.JSON_VALUE)
                .build())
            .build())
        .addJavadoc(
            valueType instanceof ClassName named
                ? CodeBlock.of("The union holding a {@link $T}.\n", named)
                : CodeBlock.of("The union holding a $L.\n", Javadocs.code(valueType.toString())))
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_DESERIALIZE)
            .addMember("using", "$T.None.class", RuntimeTypes.JSON_DESERIALIZER)
            .build())
        .addMethods(
            valueType.isPrimitive()
                ? List.of()
                : List.of(MethodSpec.compactConstructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addStatement("$T.requireNonNull(value, $S)", Objects.class, "value")
                    .build()))
        .addMethod(UnionEmitter.acceptImplementation(union, variant.javaName()))
        .build();
  }

  private TypeSpec deserializerType(UntaggedUnion union, ClassName self, ClassName deserializer) {
    MethodSpec.Builder deserialize = MethodSpec.methodBuilder("deserialize")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addParameter(RuntimeTypes.JSON_PARSER, "parser")
        .addParameter(RuntimeTypes.DESERIALIZATION_CONTEXT, "context")
        .addException(IOException.class)
        .addStatement("$T json = context.readTree(parser)", RuntimeTypes.JSON_NODE);
    List<String> expected = new ArrayList<>();
    List<ShapeVariant> variants = union.variants();
    boolean anyOverlap = false;
    for (ShapeVariant variant : variants) {
      if (overlapsAnother(variant, variants)) anyOverlap = true;
    }
    if (anyOverlap) {
      deserialize.addStatement("$T failure = null", RuntimeTypes.DATABIND_EXCEPTION);
    }
    for (ShapeVariant variant : variants) {
      ClassName variantClass = variantClass(self, variant);
      CodeBlock read = isObjectVariant(variant)
          ? CodeBlock.of("context.readTreeAsValue(json, $T.class)", variantClass)
          : CodeBlock.of(
              "new $T(context.<$T>readTreeAsValue(json, $L))",
              variantClass,
              types.boxed(variant.type()),
              javaType(types.boxed(variant.type())));
      deserialize.beginControlFlow("if ($L)", guard(variant.guard()));
      if (overlapsAnother(variant, variants)) {
        // Another variant can take the same JSON: the first that reads it wins.
        deserialize
            .beginControlFlow("try")
            .addStatement("return $L", read)
            .nextControlFlow("catch ($T e)", RuntimeTypes.DATABIND_EXCEPTION)
            .addStatement("if (failure == null) failure = e; else failure.addSuppressed(e)")
            .endControlFlow();
      } else {
        deserialize.addStatement("return $L", read);
      }
      deserialize.endControlFlow();
      expected.add(describe(variant));
    }
    if (anyOverlap) deserialize.addStatement("if (failure != null) throw failure");
    String message = "no variant of " + union.name() + " matches this JSON; expected "
        + String.join(", or ", expected);
    deserialize.addStatement(
        "throw $T.from(parser, $T.class, $S)", RuntimeTypes.MISMATCHED_INPUT, self, message);
    return TypeSpec.classBuilder(deserializer)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "Picks the variant by the guards the generator computed from the spec, in the spec's order"
                + (anyOverlap
                    ? ";\nwhere several can take the same JSON, the first that reads it.\n"
                    : ".\n"))
        .superclass(ParameterizedTypeName.get(RuntimeTypes.STD_DESERIALIZER, self))
        .addMethod(MethodSpec.constructorBuilder()
            .addStatement("super($T.class)", self)
            .build())
        .addMethod(deserialize.build())
        .build();
  }

  private static boolean overlapsAnother(ShapeVariant variant, List<ShapeVariant> variants) {
    return variants.stream()
        .anyMatch(other -> other != variant && other.guard().overlaps(variant.guard()));
  }

  /** A class literal, or for a parameterized type the Jackson type of a type reference. */
  private static CodeBlock javaType(TypeName type) {
    if (type instanceof ParameterizedTypeName) {
      return CodeBlock.of(
          "context.getTypeFactory().constructType(new $T<$T>() {})",
          RuntimeTypes.TYPE_REFERENCE,
          type);
    }
    return CodeBlock.of("$T.class", type);
  }

  private static CodeBlock guard(Guard guard) {
    CodeBlock.Builder check = CodeBlock.builder();
    switch (guard.shape()) {
      case OBJECT -> {
        check.add("json.isObject()");
        for (String property : guard.requiredProperties()) {
          String constant = guard.constants().get(property);
          if (constant == null) check.add(" && json.has($S)", property);
          else check.add(" && $S.equals(json.path($S).asText(null))", constant, property);
        }
      }
      case ARRAY -> check.add("json.isArray()");
      case STRING -> check.add("json.isTextual()");
      case NUMBER -> check.add("json.isNumber()");
      case INTEGER -> check.add("json.isIntegralNumber()");
      case BOOLEAN -> check.add("json.isBoolean()");
      case ANY -> check.add("true");
    }
    return check.build();
  }

  private static String describe(ShapeVariant variant) {
    Guard guard = variant.guard();
    String shape = switch (guard.shape()) {
      case OBJECT ->
        guard.requiredProperties().isEmpty()
            ? "an object"
            : "an object with "
                + guard.requiredProperties().stream()
                    .map(p -> guard.constants().containsKey(p)
                        ? p + "=" + guard.constants().get(p)
                        : p)
                    .collect(Collectors.joining(", "));
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case INTEGER -> "an integer";
      case BOOLEAN -> "a boolean";
      case ANY -> "any value";
    };
    return shape + " (" + variant.javaName() + ")";
  }
}
