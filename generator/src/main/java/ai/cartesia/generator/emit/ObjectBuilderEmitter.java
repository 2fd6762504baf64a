package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Emits the builder nested in an object type: a setter per stored field (with {@code unset} for
 * fields that may be null and literal overloads for boxed numbers), additional properties, and
 * {@code build()}, which names the required fields that are missing.
 */
final class ObjectBuilderEmitter {

  private final ObjectEmitter objects;
  private final JavaTypes types;

  ObjectBuilderEmitter(ObjectEmitter objects, JavaTypes types) {
    this.objects = objects;
    this.types = types;
  }

  TypeSpec emit(ObjectDecl object, ClassName self, ClassName builder) {
    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "Builds {@link $T}. Required fields must be set before {@link #build()}.\n", self)
        .addAnnotation(pojoBuilder(object))
        // Only annotated methods read JSON: a convenience overload such as limit(long) is not a
        // property.
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_AUTO_DETECT)
            .addMember("setterVisibility", "$T.Visibility.NONE", RuntimeTypes.JSON_AUTO_DETECT)
            .build());
    List<String> ignored = new ArrayList<>();
    object.tags().stream().filter(t -> !t.optional()).forEach(t -> ignored.add(t.wireName()));
    object.fields().stream()
        .filter(f -> FieldKind.of(f) == FieldKind.CONSTANT)
        .forEach(f -> ignored.add(f.wireName()));
    if (!ignored.isEmpty()) {
      // Tags and constants are fixed by the type: read, they are checked by nothing and kept
      // nowhere.
      CodeBlock names = ignored.stream()
          .map(n -> CodeBlock.of("$S", n))
          .collect(CodeBlock.joining(", ", "{", "}"));
      type.addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_IGNORE_PROPERTIES)
          .addMember("value", "$L", names)
          .build());
    }
    for (Field field : FieldKind.stored(object)) {
      FieldKind kind = FieldKind.of(field);
      TypeName stored =
          kind == FieldKind.REQUIRED ? types.boxed(field.type()) : objects.storedType(field, kind);
      FieldSpec.Builder spec = FieldSpec.builder(stored, field.javaName(), Modifier.PRIVATE);
      if (kind == FieldKind.OPTIONAL_NULLABLE)
        spec.initializer("$T.absent()", RuntimeTypes.OPTIONAL_NULLABLE);
      type.addField(spec.build());
      if (kind == FieldKind.REQUIRED_NULLABLE)
        type.addField(TypeName.BOOLEAN, JavaNames.setFlag(field), Modifier.PRIVATE);
    }
    for (TypeDecl.Tag tag : optionalTags(object))
      type.addField(RuntimeTypes.JSON_NODE, JavaNames.tagAsRead(object, tag), Modifier.PRIVATE);
    type.addField(FieldSpec.builder(
            objects.additionalType(object),
            ObjectEmitter.ADDITIONAL,
            Modifier.PRIVATE,
            Modifier.FINAL)
        .initializer("new $T<>()", LinkedHashMap.class)
        .build());
    type.addMethod(
        MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    for (Field field : FieldKind.stored(object))
      type.addMethods(setters(field, FieldKind.of(field), builder));
    type.addMethod(MethodSpec.methodBuilder("putAdditionalProperty")
        .addJavadoc("Adds a property the SDK does not model; it is written as given.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(String.class, "name")
        .addParameter(objects.additionalValueType(object), "value")
        .addStatement(
            "$N.put($T.requireNonNull(name, $S), value)",
            ObjectEmitter.ADDITIONAL,
            Objects.class,
            "name")
        .addStatement("return this")
        .build());
    type.addMethod(
        MethodSpec.methodBuilder(JavaNames.jsonHook(object, "putAdditionalPropertyFromJson"))
            .addAnnotation(RuntimeTypes.JSON_ANY_SETTER)
            .addModifiers(Modifier.PRIVATE)
            .returns(TypeName.VOID)
            .addParameter(String.class, "name")
            .addParameter(objects.additionalValueType(object), "value")
            .addStatement("$N.put(name, value)", ObjectEmitter.ADDITIONAL)
            .build());
    for (TypeDecl.Tag tag : optionalTags(object)) {
      String asRead = JavaNames.tagAsRead(object, tag);
      type.addMethod(MethodSpec.methodBuilder(asRead)
          .addAnnotation(ObjectEmitter.jsonProperty(tag.wireName()))
          .addModifiers(Modifier.PRIVATE)
          .returns(builder)
          .addParameter(RuntimeTypes.JSON_NODE, "value")
          .addStatement("this.$N = value", asRead)
          .addStatement("return this")
          .build());
    }
    type.addMethod(buildMethod(object, self));
    if (!optionalTags(object).isEmpty()) type.addMethod(buildAsRead(object, self));
    return type.build();
  }

  private static List<TypeDecl.Tag> optionalTags(ObjectDecl object) {
    return object.tags().stream().filter(TypeDecl.Tag::optional).toList();
  }

  /** Jackson builds through its own method where a tag may be missing from the JSON. */
  private static AnnotationSpec pojoBuilder(ObjectDecl object) {
    AnnotationSpec.Builder annotation =
        AnnotationSpec.builder(RuntimeTypes.JSON_POJO_BUILDER).addMember("withPrefix", "$S", "");
    if (!optionalTags(object).isEmpty()) {
      annotation.addMember("buildMethodName", "$S", JavaNames.jsonHook(object, BUILD_AS_READ));
    }
    return annotation.build();
  }

  private static final String BUILD_AS_READ = "buildAsRead";

  /** Jackson's way in: a tag the JSON lacked is remembered as missing, so it is not written. */
  private static MethodSpec buildAsRead(ObjectDecl object, ClassName self) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(JavaNames.jsonHook(object, BUILD_AS_READ))
        .addModifiers(Modifier.PRIVATE)
        .returns(self);
    for (TypeDecl.Tag tag : optionalTags(object)) {
      String asRead = JavaNames.tagAsRead(object, tag);
      method.addStatement(
          "if ($N == null) $N = $T.getInstance()", asRead, asRead, RuntimeTypes.MISSING_NODE);
    }
    return method.addStatement("return build()").build();
  }

  private List<MethodSpec> setters(Field field, FieldKind kind, ClassName builder) {
    String name = field.javaName();
    MethodSpec.Builder setter = MethodSpec.methodBuilder(name)
        .addAnnotation(ObjectEmitter.jsonProperty(field.wireName()))
        .addModifiers(Modifier.PUBLIC)
        .returns(builder);
    Javadocs.Comment doc = ObjectEmitter.fieldDoc(field);
    if (field.docs().deprecated()) setter.addAnnotation(Deprecated.class);
    List<MethodSpec> methods = new ArrayList<>();
    switch (kind) {
      case REQUIRED -> {
        TypeName type = types.of(field.type());
        setter.addParameter(type, name);
        if (type.isPrimitive()) setter.addStatement("this.$N = $N", name, name);
        else
          setter.addStatement(
              "this.$N = $T.requireNonNull($N, $S)", name, Objects.class, name, field.wireName());
      }
      case OPTIONAL ->
        setter
            .addParameter(types.boxed(field.type()), name)
            .addStatement("this.$N = $N", name, name);
      case REQUIRED_NULLABLE ->
        setter
            .addParameter(types.boxed(field.type()), name)
            .addStatement("this.$N = $N", name, name)
            .addStatement("this.$N = true", JavaNames.setFlag(field));
      case OPTIONAL_NULLABLE -> {
        doc.paragraph("A null value is sent as JSON {@code null}.");
        setter
            .addParameter(types.boxed(field.type()), name)
            .addStatement(
                "this.$N = $T.ofNullable($N)", name, RuntimeTypes.OPTIONAL_NULLABLE, name);
        methods.add(MethodSpec.methodBuilder(JavaNames.unsetMethod(field))
            .addJavadoc(
                "Leaves $L out of the JSON, as if it had never been set.\n",
                Javadocs.code(field.wireName()))
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addStatement("this.$N = $T.absent()", name, RuntimeTypes.OPTIONAL_NULLABLE)
            .addStatement("return this")
            .build());
      }
      case CONSTANT -> throw new IllegalStateException("constants have no setter");
    }
    methods.add(0, setter.addJavadoc(doc.build()).addStatement("return this").build());
    if (kind != FieldKind.REQUIRED) {
      // A required number's setter already takes the primitive.
      JavaTypes.literalOverload(
              field.javaName(), types.of(field.type()), builder, field.docs().deprecated())
          .ifPresent(overload -> methods.add(1, overload));
    }
    return methods;
  }

  private MethodSpec buildMethod(ObjectDecl object, ClassName self) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("build")
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addJavadoc("@throws IllegalStateException if a required field was not set\n");
    List<Field> required = FieldKind.stored(object).stream()
        .filter(f ->
            FieldKind.of(f) == FieldKind.REQUIRED || FieldKind.of(f) == FieldKind.REQUIRED_NULLABLE)
        .toList();
    if (!required.isEmpty()) {
      method.addStatement("$T<$T> missing = new $T<>()", List.class, String.class, ArrayList.class);
      for (Field field : required) {
        // Through 'this', so that no property name can be shadowed by the local list.
        String check = FieldKind.of(field) == FieldKind.REQUIRED
            ? "this." + field.javaName() + " == null"
            : "!" + JavaNames.setFlag(field);
        method.addStatement("if ($L) missing.add($S)", check, field.wireName());
      }
      method
          .beginControlFlow("if (!missing.isEmpty())")
          .addStatement(
              "throw new $T($S + $T.join($S, missing))",
              IllegalStateException.class,
              object.name() + " is missing required fields: ",
              String.class,
              ", ")
          .endControlFlow();
    }
    return method.addStatement("return new $T(this)", self).build();
  }
}
