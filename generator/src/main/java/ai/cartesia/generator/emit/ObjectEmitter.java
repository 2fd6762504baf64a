package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import ai.cartesia.generator.model.TypeDecl.Tag;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits an object type: an immutable class with accessors, a builder, equality and a readable
 * {@code toString}, which keeps unknown JSON properties and writes them back out.
 */
final class ObjectEmitter {

  static final String ADDITIONAL = "additionalProperties";

  private final ApiModel model;
  private final Packages packages;
  private final JavaTypes types;
  private final ObjectBuilderEmitter builders;

  ObjectEmitter(ApiModel model, Packages packages, JavaTypes types) {
    this.model = model;
    this.packages = packages;
    this.types = types;
    this.builders = new ObjectBuilderEmitter(this, types);
  }

  TypeSpec emit(ObjectDecl object) {
    ClassName self = packages.modelType(object.name());
    ClassName builder = self.nestedClass(JavaNames.BUILDER);
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Javadocs.of(object.docs()))
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_DESERIALIZE)
            .addMember("builder", "$T.class", builder)
            .build())
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_INCLUDE)
            .addMember("value", "$T.Include.NON_NULL", RuntimeTypes.JSON_INCLUDE)
            .build())
        // Only annotated members are JSON: an accessor such as isOwner() must not become "owner".
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_AUTO_DETECT)
            .addMember("getterVisibility", "$T.Visibility.NONE", RuntimeTypes.JSON_AUTO_DETECT)
            .addMember("isGetterVisibility", "$T.Visibility.NONE", RuntimeTypes.JSON_AUTO_DETECT)
            .addMember("setterVisibility", "$T.Visibility.NONE", RuntimeTypes.JSON_AUTO_DETECT)
            .addMember("fieldVisibility", "$T.Visibility.NONE", RuntimeTypes.JSON_AUTO_DETECT)
            .build())
        .addAnnotation(propertyOrder(object));
    if (object.docs().deprecated()) type.addAnnotation(Deprecated.class);
    if (object.unions().stream()
        .anyMatch(u -> model.type(u).orElseThrow() instanceof TypeDecl.DiscriminatedUnion)) {
      // A variant read or written on its own is plain data; only its unions choose by tag.
      type.addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_TYPE_INFO)
          .addMember("use", "$T.Id.NONE", RuntimeTypes.JSON_TYPE_INFO)
          .build());
    }
    for (String union : object.unions()) type.addSuperinterface(packages.modelType(union));

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "builder");
    for (Field field : object.fields()) {
      FieldKind kind = FieldKind.of(field);
      if (kind == FieldKind.CONSTANT) continue;
      FieldSpec.Builder spec = FieldSpec.builder(
              storedType(field, kind), field.javaName(), Modifier.PRIVATE, Modifier.FINAL)
          .addAnnotation(jsonProperty(field.wireName()));
      if (kind == FieldKind.REQUIRED_NULLABLE) spec.addAnnotation(include("ALWAYS"));
      if (kind == FieldKind.OPTIONAL_NULLABLE) spec.addAnnotation(include("NON_EMPTY"));
      type.addField(spec.build());
      constructor.addStatement(
          "this.$N = $L", field.javaName(), copyIn(field, kind, "builder." + field.javaName()));
    }
    for (Tag tag : object.tags()) {
      if (!tag.optional()) continue;
      String asRead = JavaNames.tagAsRead(object, tag);
      type.addField(RuntimeTypes.JSON_NODE, asRead, Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$N = builder.$N", asRead, asRead);
    }
    type.addField(
        FieldSpec.builder(additionalType(object), ADDITIONAL, Modifier.PRIVATE, Modifier.FINAL)
            .build());
    // Most messages carry no property beyond the spec's: those share the empty map, uncopied.
    constructor.addStatement(
        "this.$N = builder.$N.isEmpty()$W? $T.emptyMap()$W: $T.unmodifiableMap(new $T<>(builder.$N))",
        ADDITIONAL,
        ADDITIONAL,
        Collections.class,
        Collections.class,
        LinkedHashMap.class,
        ADDITIONAL);
    type.addMethod(constructor.build());

    for (Tag tag : object.tags()) {
      type.addMethod(tagAccessor(tag));
      if (tag.optional()) type.addMethod(tagAsReadForJson(object, tag));
      else if (!JavaTypes.isText(tag.type())) type.addMethod(tagForJson(object, tag));
    }
    for (Field field : object.fields()) type.addMethod(accessor(field, FieldKind.of(field)));
    type.addMethod(MethodSpec.methodBuilder(ADDITIONAL)
        .addJavadoc(
            "Properties the API sent that this version of the SDK does not know; they are written back out.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(additionalType(object))
        .addStatement("return $N", ADDITIONAL)
        .build());
    // Jackson names an any-getter after its method, and that name must not shadow a real property.
    type.addMethod(
        MethodSpec.methodBuilder(JavaNames.jsonHook(object, "additionalPropertiesForJson"))
            .addAnnotation(RuntimeTypes.JSON_ANY_GETTER)
            .addModifiers(Modifier.PRIVATE)
            .returns(additionalType(object))
            .addStatement("return $N", ADDITIONAL)
            .build());
    for (String union : object.unions()) type.addMethod(acceptMethod(object, union));

    type.addMethod(equalsMethod(object, self));
    type.addMethod(hashCodeMethod(object));
    type.addMethod(toStringMethod(object));
    type.addMethod(MethodSpec.methodBuilder("builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder)
        .addStatement("return new $T()", builder)
        .build());
    type.addMethod(toBuilderMethod(object, builder));
    type.addType(builders.emit(object, self, builder));
    return type.build();
  }

  private AnnotationSpec propertyOrder(ObjectDecl object) {
    List<String> names = new ArrayList<>();
    object.tags().forEach(t -> names.add(t.wireName()));
    object.fields().forEach(f -> names.add(f.wireName()));
    CodeBlock values =
        names.stream().map(n -> CodeBlock.of("$S", n)).collect(CodeBlock.joining(", ", "{", "}"));
    return AnnotationSpec.builder(RuntimeTypes.JSON_PROPERTY_ORDER)
        .addMember("value", "$L", values)
        .build();
  }

  TypeName storedType(Field field, FieldKind kind) {
    return switch (kind) {
      case REQUIRED -> types.of(field.type());
      case OPTIONAL, REQUIRED_NULLABLE, CONSTANT -> types.boxed(field.type());
      case OPTIONAL_NULLABLE ->
        ParameterizedTypeName.get(RuntimeTypes.OPTIONAL_NULLABLE, types.boxed(field.type()));
    };
  }

  /** The accessor's type: what callers see. */
  private TypeName exposedType(Field field, FieldKind kind) {
    return switch (kind) {
      case REQUIRED, CONSTANT -> types.of(field.type());
      case OPTIONAL, REQUIRED_NULLABLE ->
        ParameterizedTypeName.get(ClassName.get(Optional.class), types.boxed(field.type()));
      case OPTIONAL_NULLABLE -> storedType(field, kind);
    };
  }

  /** Collections are copied into unmodifiable ones, so that the object stays immutable. */
  private CodeBlock copyIn(Field field, FieldKind kind, String source) {
    if (kind == FieldKind.OPTIONAL_NULLABLE) {
      if (field.type() instanceof TypeRef.ListOf)
        return CodeBlock.of(
            "$L.map(v -> $T.unmodifiableList(new $T<>(v)))",
            source,
            Collections.class,
            ArrayList.class);
      if (field.type() instanceof TypeRef.MapOf)
        return CodeBlock.of(
            "$L.map(v -> $T.unmodifiableMap(new $T<>(v)))",
            source,
            Collections.class,
            LinkedHashMap.class);
      return CodeBlock.of("$L", source);
    }
    if (field.type() instanceof TypeRef.ListOf) {
      return CodeBlock.of(
          "$L == null ? null : $T.unmodifiableList(new $T<>($L))",
          source,
          Collections.class,
          ArrayList.class,
          source);
    }
    if (field.type() instanceof TypeRef.MapOf) {
      return CodeBlock.of(
          "$L == null ? null : $T.unmodifiableMap(new $T<>($L))",
          source,
          Collections.class,
          LinkedHashMap.class,
          source);
    }
    return CodeBlock.of("$L", source);
  }

  private MethodSpec tagAccessor(Tag tag) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(JavaNames.tagAccessor(tag.wireName()))
        .addJavadoc(
            "Always $L: the value of $L that names this variant.\n",
            Javadocs.code(tag.value()),
            Javadocs.code(tag.wireName()))
        .addAnnotation(Override.class);
    // A tag that is a number or a boolean on the wire is written by its own hook, as that.
    if (JavaTypes.isText(tag.type()) && !tag.optional())
      method.addAnnotation(jsonProperty(tag.wireName()));
    return method
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S", tag.value())
        .build();
  }

  /** Writes a tag that is a number or a boolean as the JSON value it is, not as text. */
  private MethodSpec tagForJson(ObjectDecl object, Tag tag) {
    TypeName type = types.of(tag.type());
    return MethodSpec.methodBuilder(
            JavaNames.jsonHook(object, JavaNames.tagAccessor(tag.wireName()) + "ForJson"))
        .addAnnotation(jsonProperty(tag.wireName()))
        .addModifiers(Modifier.PRIVATE)
        .returns(type)
        .addStatement("return $L", literal(type, tag.value()))
        .build();
  }

  /**
   * Writes an optional tag unless the JSON read had none, so that such JSON is written back as it
   * came; whenever it is written, it is the variant's own value, whatever the JSON said.
   */
  private MethodSpec tagAsReadForJson(ObjectDecl object, Tag tag) {
    String asRead = JavaNames.tagAsRead(object, tag);
    return MethodSpec.methodBuilder(
            JavaNames.jsonHook(object, JavaNames.tagAccessor(tag.wireName()) + "ForJson"))
        .addAnnotation(jsonProperty(tag.wireName()))
        .addModifiers(Modifier.PRIVATE)
        .returns(Object.class)
        .addStatement("if ($N != null && $N.isMissingNode()) return null", asRead, asRead)
        .addStatement("return $L", literal(types.of(tag.type()), tag.value()))
        .build();
  }

  private MethodSpec accessor(Field field, FieldKind kind) {
    Javadocs.Comment doc = fieldDoc(field);
    MethodSpec.Builder method = MethodSpec.methodBuilder(field.javaName())
        .addModifiers(Modifier.PUBLIC)
        .returns(exposedType(field, kind));
    if (field.docs().deprecated()) method.addAnnotation(Deprecated.class);
    switch (kind) {
      case CONSTANT ->
        method
            .addAnnotation(jsonProperty(field.wireName()))
            .addStatement("return $L", literal(field));
      case OPTIONAL, REQUIRED_NULLABLE ->
        method.addStatement("return $T.ofNullable($N)", Optional.class, field.javaName());
      default -> method.addStatement("return $N", field.javaName());
    }
    if (JavaTypes.isBytes(field.type())) {
      List<String> notes = new ArrayList<>();
      if (field.type() instanceof TypeRef.Primitive primitive
          && primitive.kind() == TypeRef.Primitive.Kind.BASE64) {
        notes.add("The JSON carries these bytes in base64; this is the decoded bytes.");
      }
      notes.add(
          "The array is the object's own, not a copy, so that audio is not copied on the way; do not modify it.");
      for (String note : notes) doc.paragraph("$L", note);
    }
    return method.addJavadoc(doc.build()).build();
  }

  static Javadocs.Comment fieldDoc(Field field) {
    Javadocs.Comment doc = new Javadocs.Comment().docs(field.docs());
    field
        .constant()
        .ifPresent(constant -> doc.paragraph(
            "Always $L.", constant.isEmpty() ? "the empty string" : Javadocs.code(constant)));
    field
        .defaultValue()
        .ifPresent(value -> doc.paragraph("The API's default is $L.", Javadocs.code(value)));
    return doc;
  }

  private CodeBlock literal(Field field) {
    return literal(types.of(field.type()), field.constant().orElseThrow());
  }

  private static CodeBlock literal(TypeName type, String value) {
    if (type.equals(TypeName.BOOLEAN)) return CodeBlock.of("$L", Boolean.parseBoolean(value));
    if (type.equals(TypeName.LONG)) return CodeBlock.of("$LL", Long.parseLong(value));
    if (type.equals(TypeName.INT)) return CodeBlock.of("$L", Integer.parseInt(value));
    if (type.equals(TypeName.DOUBLE)) return CodeBlock.of("$L", Double.parseDouble(value));
    if (type.equals(TypeName.FLOAT)) return CodeBlock.of("$Lf", Float.parseFloat(value));
    if (type instanceof ClassName named && !named.equals(ClassName.get(String.class)))
      return CodeBlock.of("new $T($S)", named, value); // BigInteger, BigDecimal
    return CodeBlock.of("$S", value);
  }

  private MethodSpec acceptMethod(ObjectDecl object, String union) {
    return UnionEmitter.acceptImplementation(packages.modelType(union), variantName(object, union));
  }

  /** The name this object has as a variant of the union. */
  private String variantName(ObjectDecl object, String union) {
    TypeDecl decl = model.type(union).orElseThrow();
    if (decl instanceof TypeDecl.DiscriminatedUnion tagged) {
      return UnionEmitter.distinctTypes(tagged).stream()
          .filter(v -> v.type().equals(object.name()))
          .findFirst()
          .orElseThrow()
          .javaName();
    }
    return ((TypeDecl.UntaggedUnion) decl)
        .variants().stream()
            .filter(v -> v.type() instanceof TypeRef.Named n && n.name().equals(object.name()))
            .findFirst()
            .orElseThrow()
            .javaName();
  }

  private MethodSpec equalsMethod(ObjectDecl object, ClassName self) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("equals")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, "other");
    method.addStatement("if (this == other) return true");
    method.addStatement("if (!(other instanceof $T)) return false", self);
    method.addStatement("$T that = ($T) other", self, self);
    CodeBlock.Builder comparison = CodeBlock.builder();
    for (Field field : FieldKind.stored(object)) {
      TypeName type = storedType(field, FieldKind.of(field));
      String name = field.javaName();
      // Through 'this', so that no property name can be shadowed by the parameter or the local.
      String own = "this." + name;
      if (JavaTypes.isBytes(field.type()) && FieldKind.of(field) != FieldKind.OPTIONAL_NULLABLE) {
        comparison.add("$T.equals($L, that.$N)\n    && ", Arrays.class, own, name);
      } else if (type.isPrimitive()) {
        if (type.equals(TypeName.DOUBLE) || type.equals(TypeName.FLOAT)) {
          comparison.add("$T.compare($L, that.$N) == 0\n    && ", type.box(), own, name);
        } else {
          comparison.add("$L == that.$N\n    && ", own, name);
        }
      } else {
        comparison.add("$T.equals($L, that.$N)\n    && ", Objects.class, own, name);
      }
    }
    comparison.add("$N.equals(that.$N)", ADDITIONAL, ADDITIONAL);
    method.addStatement("return $L", comparison.build());
    return method.build();
  }

  private MethodSpec hashCodeMethod(ObjectDecl object) {
    CodeBlock.Builder values = CodeBlock.builder();
    for (Field field : FieldKind.stored(object)) {
      if (JavaTypes.isBytes(field.type()) && FieldKind.of(field) != FieldKind.OPTIONAL_NULLABLE) {
        values.add("$T.hashCode($N), ", Arrays.class, field.javaName());
      } else {
        values.add("$N, ", field.javaName());
      }
    }
    values.add("$N", ADDITIONAL);
    return MethodSpec.methodBuilder("hashCode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement("return $T.hash($L)", Objects.class, values.build())
        .build();
  }

  private MethodSpec toStringMethod(ObjectDecl object) {
    CodeBlock.Builder text = CodeBlock.builder().add("$S", object.name() + "{");
    String separator = "";
    for (Field field : FieldKind.stored(object)) {
      text.add("\n    + $S + ", separator + field.javaName() + "=");
      if (JavaTypes.isBytes(field.type()) && FieldKind.of(field) != FieldKind.OPTIONAL_NULLABLE) {
        // Audio can be large: show its size, not its bytes.
        text.add(
            "($N == null ? \"null\" : $N.length + \" bytes\")", field.javaName(), field.javaName());
      } else {
        text.add("$N", field.javaName());
      }
      separator = ", ";
    }
    text.add(
        "\n    + ($N.isEmpty() ? \"\" : $S + $N)",
        ADDITIONAL,
        separator + "additionalProperties=",
        ADDITIONAL);
    text.add("\n    + $S", "}");
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $L", text.build())
        .build();
  }

  private MethodSpec toBuilderMethod(ObjectDecl object, ClassName builder) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("toBuilder")
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addJavadoc("A builder that starts from this object's values.\n")
        .addStatement("$T builder = new $T()", builder, builder);
    for (Field field : FieldKind.stored(object)) {
      method.addStatement("builder.$N = $N", field.javaName(), field.javaName());
      if (FieldKind.of(field) == FieldKind.REQUIRED_NULLABLE)
        method.addStatement("builder.$N = true", JavaNames.setFlag(field));
    }
    for (Tag tag : object.tags()) {
      if (tag.optional()) {
        String asRead = JavaNames.tagAsRead(object, tag);
        method.addStatement("builder.$N = $N", asRead, asRead);
      }
    }
    method.addStatement("builder.$N.putAll($N)", ADDITIONAL, ADDITIONAL);
    return method.addStatement("return builder").build();
  }

  /** What a property the object does not declare holds: the declared type, or any JSON. */
  TypeName additionalValueType(ObjectDecl object) {
    return object.additionalProperties().map(types::boxed).orElse(RuntimeTypes.JSON_NODE);
  }

  TypeName additionalType(ObjectDecl object) {
    return ParameterizedTypeName.get(
        ClassName.get(Map.class), ClassName.get(String.class), additionalValueType(object));
  }

  static AnnotationSpec jsonProperty(String wireName) {
    return AnnotationSpec.builder(RuntimeTypes.JSON_PROPERTY)
        .addMember("value", "$S", wireName)
        .build();
  }

  private static AnnotationSpec include(String how) {
    return AnnotationSpec.builder(RuntimeTypes.JSON_INCLUDE)
        .addMember("value", "$T.Include.$L", RuntimeTypes.JSON_INCLUDE, how)
        .build();
  }
}
