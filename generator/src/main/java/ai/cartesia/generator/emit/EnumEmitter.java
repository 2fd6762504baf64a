package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.TypeDecl.EnumDecl;
import ai.cartesia.generator.model.TypeDecl.EnumValue;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits an open enumeration: a constant per known value, and any other value the API sends kept
 * as it is, so that a new value on the server never breaks a client.
 */
final class EnumEmitter {

  private final Packages packages;

  EnumEmitter(Packages packages) {
    this.packages = packages;
  }

  TypeSpec emit(EnumDecl decl) {
    ClassName self = packages.modelType(decl.name());
    ClassName known = self.nestedClass(JavaNames.KNOWN);
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(new Javadocs.Comment()
            .docs(decl.docs())
            .paragraph(
                "Open: values this SDK does not know are kept, not rejected. Use {@link #known()} to switch over the known ones.")
            .build());
    if (decl.docs().deprecated()) type.addAnnotation(Deprecated.class);

    TypeSpec.Builder knownEnum = TypeSpec.enumBuilder(known)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The values this version of the SDK knows.\n");
    CodeBlock.Builder lookup =
        CodeBlock.builder().add("return switch (value) {\n").indent();
    for (EnumValue value : decl.values()) {
      type.addField(FieldSpec.builder(
              self, value.javaName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("$L\n", Javadocs.code(value.wireValue()))
          .initializer("new $T($S, $T.$N)", self, value.wireValue(), known, value.javaName())
          .build());
      knownEnum.addEnumConstant(value.javaName());
      lookup.add("case $S -> $N;\n", value.wireValue(), value.javaName());
    }
    lookup.add("default -> new $T(value, null);\n", self).unindent().add("};\n");

    type.addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(known, "known", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(String.class, "value")
        .addParameter(known, "known")
        .addStatement("this.value = value")
        .addStatement("this.known = known")
        .build());
    type.addMethod(MethodSpec.methodBuilder("of")
        .addJavadoc(
            "The constant for a known value, or a new instance that keeps an unknown one.\n")
        .addAnnotation(RuntimeTypes.JSON_CREATOR)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(String.class, "value")
        .addStatement("$T.requireNonNull(value, $S)", Objects.class, "value")
        .addCode(
            decl.values().isEmpty()
                ? CodeBlock.of("return new $T(value, null);\n", self)
                : lookup.build())
        .build());
    type.addMethod(MethodSpec.methodBuilder("value")
        .addJavadoc("The value as the API writes it.\n")
        .addAnnotation(RuntimeTypes.JSON_VALUE)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return value")
        .build());
    type.addMethod(MethodSpec.methodBuilder("known")
        .addJavadoc("The known value, or empty if the API sent one this SDK does not know yet.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), known))
        .addStatement("return $T.ofNullable(known)", Optional.class)
        .build());
    type.addMethod(MethodSpec.methodBuilder("isKnown")
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addStatement("return known != null")
        .build());
    type.addMethod(MethodSpec.methodBuilder("equals")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, "other")
        .addStatement("return other instanceof $T that && value.equals(that.value)", self)
        .build());
    type.addMethod(MethodSpec.methodBuilder("hashCode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement("return value.hashCode()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addJavadoc(
            "The value as the API writes it, so that it can be used as a query parameter.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return value")
        .build());
    type.addType(knownEnum.build());
    return type.build();
  }
}
