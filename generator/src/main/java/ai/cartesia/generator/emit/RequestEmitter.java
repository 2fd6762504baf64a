package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.TypeDecl.RequestDecl;
import ai.cartesia.generator.model.TypeDecl.RequestField;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits the request object of an operation: its query, header and form fields, immutable, with
 * a builder that checks the required ones.
 */
final class RequestEmitter {

  private final Packages packages;
  private final JavaTypes types;

  RequestEmitter(Packages packages, JavaTypes types) {
    this.packages = packages;
    this.types = types;
  }

  /** The Java type of a field: files are {@code FileUpload}s, the rest as in models. */
  TypeName fieldType(RequestField field) {
    if (field.source() == RequestField.Source.FILE) {
      return field.type() instanceof TypeRef.ListOf
          ? ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.FILE_UPLOAD)
          : RuntimeTypes.FILE_UPLOAD;
    }
    return field.required() ? types.of(field.type()) : types.boxed(field.type());
  }

  TypeSpec emit(RequestDecl request) {
    ClassName self = packages.modelType(request.name());
    ClassName builder = self.nestedClass(JavaNames.BUILDER);
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(
            "The parameters of: $L",
            Javadocs.of(request.docs()).toString().isEmpty()
                ? "an operation.\n"
                : Javadocs.of(request.docs()));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "builder");
    for (RequestField field : request.fields()) {
      TypeName stored = field.required() ? fieldType(field) : fieldType(field).box();
      type.addField(stored, field.javaName(), Modifier.PRIVATE, Modifier.FINAL);
      if (field.type() instanceof TypeRef.ListOf) {
        constructor.addStatement(
            "this.$N = builder.$N == null ? null : $T.unmodifiableList(new $T<>(builder.$N))",
            field.javaName(),
            field.javaName(),
            Collections.class,
            ArrayList.class,
            field.javaName());
      } else {
        constructor.addStatement("this.$N = builder.$N", field.javaName(), field.javaName());
      }
    }
    type.addMethod(constructor.build());
    for (RequestField field : request.fields()) {
      MethodSpec.Builder accessor = MethodSpec.methodBuilder(field.javaName())
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(doc(field));
      if (field.required()) {
        accessor.returns(fieldType(field)).addStatement("return $N", field.javaName());
      } else {
        accessor
            .returns(ParameterizedTypeName.get(
                ClassName.get(Optional.class), fieldType(field).box()))
            .addStatement("return $T.ofNullable($N)", Optional.class, field.javaName());
      }
      type.addMethod(accessor.build());
    }
    type.addMethod(MethodSpec.methodBuilder("builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder)
        .addStatement("return new $T()", builder)
        .build());
    MethodSpec.Builder toBuilder = MethodSpec.methodBuilder("toBuilder")
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addJavadoc("A builder that starts from these values.\n")
        .addStatement("$T builder = new $T()", builder, builder);
    for (RequestField field : request.fields())
      toBuilder.addStatement("builder.$N = $N", field.javaName(), field.javaName());
    type.addMethod(toBuilder.addStatement("return builder").build());
    type.addMethod(toStringMethod(request));
    type.addType(builderType(request, self, builder));
    return type.build();
  }

  private CodeBlock doc(RequestField field) {
    String text = Javadocs.paragraphs(field.docs().text());
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add(
        "$L\n",
        text.isEmpty()
            ? "The " + Javadocs.code(field.wireName()) + " " + describe(field.source()) + "."
            : text);
    field
        .defaultValue()
        .ifPresent(d -> doc.add("\n<p>The API's default is $L.\n", Javadocs.code(d)));
    return doc.build();
  }

  private static String describe(RequestField.Source source) {
    return switch (source) {
      case QUERY -> "query parameter";
      case HEADER -> "header";
      case FORM -> "form field";
      case FILE -> "file";
    };
  }

  /** Files show their names only; nothing else here is secret or large. */
  private MethodSpec toStringMethod(RequestDecl request) {
    CodeBlock.Builder text = CodeBlock.builder().add("$S", request.name() + "{");
    String separator = "";
    for (RequestField field : request.fields()) {
      text.add("\n    + $S + $N", separator + field.javaName() + "=", field.javaName());
      separator = ", ";
    }
    text.add("\n    + $S", "}");
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $L", text.build())
        .build();
  }

  private TypeSpec builderType(RequestDecl request, ClassName self, ClassName builder) {
    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds {@link $T}.\n", self);
    for (RequestField field : request.fields())
      type.addField(fieldType(field).box(), field.javaName(), Modifier.PRIVATE);
    type.addMethod(
        MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (RequestField field : request.fields()) {
      MethodSpec.Builder setter = MethodSpec.methodBuilder(field.javaName())
          .addModifiers(Modifier.PUBLIC)
          .returns(builder)
          .addJavadoc(doc(field))
          .addParameter(
              field.required() ? fieldType(field) : fieldType(field).box(), field.javaName());
      if (field.required() && !fieldType(field).isPrimitive()) {
        setter.addStatement(
            "this.$N = $T.requireNonNull($N, $S)",
            field.javaName(),
            Objects.class,
            field.javaName(),
            field.wireName());
      } else {
        setter.addStatement("this.$N = $N", field.javaName(), field.javaName());
      }
      type.addMethod(setter.addStatement("return this").build());
      if (!field.required())
        JavaTypes.literalOverload(field.javaName(), types.of(field.type()), builder, false)
            .ifPresent(type::addMethod);
    }
    MethodSpec.Builder build = MethodSpec.methodBuilder("build")
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addJavadoc("@throws IllegalStateException if a required field was not set\n");
    List<RequestField> required =
        request.fields().stream().filter(RequestField::required).toList();
    if (!required.isEmpty()) {
      build.addStatement("$T<$T> missing = new $T<>()", List.class, String.class, ArrayList.class);
      for (RequestField field : required)
        build.addStatement("if ($N == null) missing.add($S)", field.javaName(), field.wireName());
      build
          .beginControlFlow("if (!missing.isEmpty())")
          .addStatement(
              "throw new $T($S + $T.join($S, missing))",
              IllegalStateException.class,
              request.name() + " is missing required fields: ",
              String.class,
              ", ")
          .endControlFlow();
    }
    type.addMethod(build.addStatement("return new $T(this)", self).build());
    return type.build();
  }
}
