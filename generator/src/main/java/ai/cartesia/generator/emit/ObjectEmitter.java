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

  /** How a field is stored and offered, from whether it is required and whether it is nullable. */
  private enum Kind {
    /** Always present and never null. */
    REQUIRED,
    /** May be absent; never null when present. */
    OPTIONAL,
    /** Always present, possibly null. */
    REQUIRED_NULLABLE,
    /** Absent, null or a value. */
    OPTIONAL_NULLABLE,
    /** Fixed by the spec: always written, never set. */
    CONSTANT;

    static Kind of(Field field) {
      if (field.constant().isPresent()) return CONSTANT;
      if (field.required()) return field.nullable() ? REQUIRED_NULLABLE : REQUIRED;
      return field.nullable() ? OPTIONAL_NULLABLE : OPTIONAL;
    }
  }

  private static final String ADDITIONAL = "additionalProperties";

  private final ApiModel model;
  private final Packages packages;
  private final JavaTypes types;

  ObjectEmitter(ApiModel model, Packages packages, JavaTypes types) {
    this.model = model;
    this.packages = packages;
    this.types = types;
  }

  TypeSpec emit(ObjectDecl object) {
    ClassName self = packages.modelType(object.name());
    ClassName builder = self.nestedClass("Builder");
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(Javadocs.of(object.docs()))
            .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_DESERIALIZE).addMember("builder", "$T.class", builder).build())
            .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_INCLUDE).addMember("value", "$T.Include.NON_NULL", RuntimeTypes.JSON_INCLUDE).build())
            // Only annotated members are JSON: an accessor such as isOwner() must not become "owner".
            .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_AUTO_DETECT)
                .addMember("getterVisibility", "$T.Visibility.NONE", RuntimeTypes.JSON_AUTO_DETECT)
                .addMember("isGetterVisibility", "$T.Visibility.NONE", RuntimeTypes.JSON_AUTO_DETECT)
                .addMember("setterVisibility", "$T.Visibility.NONE", RuntimeTypes.JSON_AUTO_DETECT)
                .addMember("fieldVisibility", "$T.Visibility.NONE", RuntimeTypes.JSON_AUTO_DETECT)
                .build())
            .addAnnotation(propertyOrder(object));
    if (object.docs().deprecated()) type.addAnnotation(Deprecated.class);
    if (object.unions().stream().anyMatch(u -> model.type(u).orElseThrow() instanceof TypeDecl.DiscriminatedUnion)) {
      // A variant read or written on its own is plain data; only its unions choose by tag.
      type.addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_TYPE_INFO).addMember("use", "$T.Id.NONE", RuntimeTypes.JSON_TYPE_INFO).build());
    }
    for (String union : object.unions()) type.addSuperinterface(packages.modelType(union));

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(builder, "builder");
    for (Field field : object.fields()) {
      Kind kind = Kind.of(field);
      if (kind == Kind.CONSTANT) continue;
      FieldSpec.Builder spec = FieldSpec.builder(storedType(field, kind), field.javaName(), Modifier.PRIVATE, Modifier.FINAL)
          .addAnnotation(jsonProperty(field.wireName()));
      if (kind == Kind.REQUIRED_NULLABLE) spec.addAnnotation(include("ALWAYS"));
      if (kind == Kind.OPTIONAL_NULLABLE) spec.addAnnotation(include("NON_EMPTY"));
      type.addField(spec.build());
      constructor.addStatement("this.$N = $L", field.javaName(), copyIn(field, kind, "builder." + field.javaName()));
    }
    type.addField(FieldSpec.builder(additionalType(object), ADDITIONAL, Modifier.PRIVATE, Modifier.FINAL).build());
    constructor.addStatement("this.$N = $T.unmodifiableMap(new $T<>(builder.$N))", ADDITIONAL, Collections.class, LinkedHashMap.class, ADDITIONAL);
    type.addMethod(constructor.build());

    for (Tag tag : object.tags()) type.addMethod(tagAccessor(tag));
    for (Field field : object.fields()) type.addMethod(accessor(field, Kind.of(field)));
    type.addMethod(MethodSpec.methodBuilder(ADDITIONAL)
        .addJavadoc("Properties the API sent that this version of the SDK does not know; they are written back out.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(additionalType(object))
        .addStatement("return $N", ADDITIONAL)
        .build());
    // Jackson names an any-getter after its method, and that name must not shadow a real property.
    type.addMethod(MethodSpec.methodBuilder(JavaNames.jsonHook(object, "additionalPropertiesForJson"))
        .addAnnotation(RuntimeTypes.JSON_ANY_GETTER)
        .addModifiers(Modifier.PRIVATE)
        .returns(additionalType(object))
        .addStatement("return $N", ADDITIONAL)
        .build());
    for (String union : object.unions()) type.addMethod(acceptMethod(object, union));

    type.addMethod(equalsMethod(object, self));
    type.addMethod(hashCodeMethod(object));
    type.addMethod(toStringMethod(object));
    type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(builder)
        .addStatement("return new $T()", builder).build());
    type.addMethod(toBuilderMethod(object, builder));
    type.addType(builderType(object, self, builder));
    return type.build();
  }

  private AnnotationSpec propertyOrder(ObjectDecl object) {
    List<String> names = new ArrayList<>();
    object.tags().forEach(t -> names.add(t.wireName()));
    object.fields().forEach(f -> names.add(f.wireName()));
    CodeBlock values = names.stream().map(n -> CodeBlock.of("$S", n)).collect(CodeBlock.joining(", ", "{", "}"));
    return AnnotationSpec.builder(RuntimeTypes.JSON_PROPERTY_ORDER).addMember("value", "$L", values).build();
  }

  private TypeName storedType(Field field, Kind kind) {
    return switch (kind) {
      case REQUIRED -> types.of(field.type());
      case OPTIONAL, REQUIRED_NULLABLE, CONSTANT -> types.boxed(field.type());
      case OPTIONAL_NULLABLE -> ParameterizedTypeName.get(RuntimeTypes.OPTIONAL_NULLABLE, types.boxed(field.type()));
    };
  }

  /** The accessor's type: what callers see. */
  private TypeName exposedType(Field field, Kind kind) {
    return switch (kind) {
      case REQUIRED, CONSTANT -> types.of(field.type());
      case OPTIONAL, REQUIRED_NULLABLE -> ParameterizedTypeName.get(ClassName.get(Optional.class), types.boxed(field.type()));
      case OPTIONAL_NULLABLE -> storedType(field, kind);
    };
  }

  /** Collections are copied into unmodifiable ones, so that the object stays immutable. */
  private CodeBlock copyIn(Field field, Kind kind, String source) {
    if (kind == Kind.OPTIONAL_NULLABLE) {
      if (field.type() instanceof TypeRef.ListOf) return CodeBlock.of("$L.map(v -> $T.unmodifiableList(new $T<>(v)))", source, Collections.class, ArrayList.class);
      if (field.type() instanceof TypeRef.MapOf) return CodeBlock.of("$L.map(v -> $T.unmodifiableMap(new $T<>(v)))", source, Collections.class, LinkedHashMap.class);
      return CodeBlock.of("$L", source);
    }
    if (field.type() instanceof TypeRef.ListOf) {
      return CodeBlock.of("$L == null ? null : $T.unmodifiableList(new $T<>($L))", source, Collections.class, ArrayList.class, source);
    }
    if (field.type() instanceof TypeRef.MapOf) {
      return CodeBlock.of("$L == null ? null : $T.unmodifiableMap(new $T<>($L))", source, Collections.class, LinkedHashMap.class, source);
    }
    return CodeBlock.of("$L", source);
  }

  private MethodSpec tagAccessor(Tag tag) {
    return MethodSpec.methodBuilder(JavaNames.tagAccessor(tag.wireName()))
        .addJavadoc("Always $L: the value of $L that names this variant.\n", Javadocs.code(tag.value()), Javadocs.code(tag.wireName()))
        .addAnnotation(Override.class)
        .addAnnotation(jsonProperty(tag.wireName()))
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S", tag.value())
        .build();
  }

  private MethodSpec accessor(Field field, Kind kind) {
    Javadocs.Comment doc = fieldDoc(field);
    MethodSpec.Builder method = MethodSpec.methodBuilder(field.javaName())
        .addModifiers(Modifier.PUBLIC)
        .returns(exposedType(field, kind));
    if (field.docs().deprecated()) method.addAnnotation(Deprecated.class);
    switch (kind) {
      case CONSTANT -> method.addAnnotation(jsonProperty(field.wireName())).addStatement("return $L", literal(field));
      case OPTIONAL, REQUIRED_NULLABLE -> method.addStatement("return $T.ofNullable($N)", Optional.class, field.javaName());
      default -> method.addStatement("return $N", field.javaName());
    }
    if (JavaTypes.isBytes(field.type())) {
      List<String> notes = new ArrayList<>();
      if (field.type() instanceof TypeRef.Primitive primitive && primitive.kind() == TypeRef.Primitive.Kind.BASE64) {
        notes.add("The JSON carries these bytes in base64; this is the decoded bytes.");
      }
      notes.add("The array is the object's own, not a copy, so that audio is not copied on the way; do not modify it.");
      for (String note : notes) doc.paragraph("$L", note);
    }
    return method.addJavadoc(doc.build()).build();
  }

  private static Javadocs.Comment fieldDoc(Field field) {
    Javadocs.Comment doc = new Javadocs.Comment().docs(field.docs());
    field.constant().ifPresent(constant -> doc.paragraph("Always $L.", Javadocs.code(constant)));
    field.defaultValue().ifPresent(value -> doc.paragraph("The API's default is $L.", Javadocs.code(value)));
    return doc;
  }

  private CodeBlock literal(Field field) {
    String value = field.constant().orElseThrow();
    TypeName type = types.of(field.type());
    if (type.equals(TypeName.BOOLEAN)) return CodeBlock.of("$L", Boolean.parseBoolean(value));
    if (type.equals(TypeName.LONG)) return CodeBlock.of("$LL", Long.parseLong(value));
    if (type.equals(TypeName.INT)) return CodeBlock.of("$L", Integer.parseInt(value));
    if (type.equals(TypeName.DOUBLE)) return CodeBlock.of("$L", Double.parseDouble(value));
    return CodeBlock.of("$S", value);
  }

  private MethodSpec acceptMethod(ObjectDecl object, String union) {
    return UnionEmitter.acceptImplementation(packages.modelType(union), variantName(object, union));
  }


  /** The name this object has as a variant of the union. */
  private String variantName(ObjectDecl object, String union) {
    TypeDecl decl = model.type(union).orElseThrow();
    if (decl instanceof TypeDecl.DiscriminatedUnion tagged) {
      return UnionEmitter.distinctTypes(tagged).stream().filter(v -> v.type().equals(object.name())).findFirst().orElseThrow().javaName();
    }
    return ((TypeDecl.UntaggedUnion) decl).variants().stream()
        .filter(v -> v.type() instanceof TypeRef.Named n && n.name().equals(object.name()))
        .findFirst().orElseThrow().javaName();
  }

  private MethodSpec equalsMethod(ObjectDecl object, ClassName self) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(boolean.class).addParameter(Object.class, "other");
    method.addStatement("if (this == other) return true");
    method.addStatement("if (!(other instanceof $T)) return false", self);
    method.addStatement("$T that = ($T) other", self, self);
    CodeBlock.Builder comparison = CodeBlock.builder();
    for (Field field : stored(object)) {
      TypeName type = storedType(field, Kind.of(field));
      if (JavaTypes.isBytes(field.type()) && Kind.of(field) != Kind.OPTIONAL_NULLABLE) {
        comparison.add("$T.equals($N, that.$N)\n    && ", Arrays.class, field.javaName(), field.javaName());
      } else if (type.isPrimitive()) {
        if (type.equals(TypeName.DOUBLE) || type.equals(TypeName.FLOAT)) {
          comparison.add("$T.compare($N, that.$N) == 0\n    && ", type.box(), field.javaName(), field.javaName());
        } else {
          comparison.add("$N == that.$N\n    && ", field.javaName(), field.javaName());
        }
      } else {
        comparison.add("$T.equals($N, that.$N)\n    && ", Objects.class, field.javaName(), field.javaName());
      }
    }
    comparison.add("$N.equals(that.$N)", ADDITIONAL, ADDITIONAL);
    method.addStatement("return $L", comparison.build());
    return method.build();
  }

  private MethodSpec hashCodeMethod(ObjectDecl object) {
    CodeBlock.Builder values = CodeBlock.builder();
    for (Field field : stored(object)) {
      if (JavaTypes.isBytes(field.type()) && Kind.of(field) != Kind.OPTIONAL_NULLABLE) {
        values.add("$T.hashCode($N), ", Arrays.class, field.javaName());
      } else {
        values.add("$N, ", field.javaName());
      }
    }
    values.add("$N", ADDITIONAL);
    return MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(int.class)
        .addStatement("return $T.hash($L)", Objects.class, values.build()).build();
  }

  private MethodSpec toStringMethod(ObjectDecl object) {
    CodeBlock.Builder text = CodeBlock.builder().add("$S", object.name() + "{");
    String separator = "";
    for (Field field : stored(object)) {
      text.add("\n    + $S + ", separator + field.javaName() + "=");
      if (JavaTypes.isBytes(field.type()) && Kind.of(field) != Kind.OPTIONAL_NULLABLE) {
        // Audio can be large: show its size, not its bytes.
        text.add("($N == null ? \"null\" : $N.length + \" bytes\")", field.javaName(), field.javaName());
      } else {
        text.add("$N", field.javaName());
      }
      separator = ", ";
    }
    text.add("\n    + ($N.isEmpty() ? \"\" : $S + $N)", ADDITIONAL, separator + "additionalProperties=", ADDITIONAL);
    text.add("\n    + $S", "}");
    return MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(String.class)
        .addStatement("return $L", text.build()).build();
  }

  private MethodSpec toBuilderMethod(ObjectDecl object, ClassName builder) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("toBuilder").addModifiers(Modifier.PUBLIC).returns(builder)
        .addJavadoc("A builder that starts from this object's values.\n")
        .addStatement("$T builder = new $T()", builder, builder);
    for (Field field : stored(object)) {
      method.addStatement("builder.$N = $N", field.javaName(), field.javaName());
      if (Kind.of(field) == Kind.REQUIRED_NULLABLE) method.addStatement("builder.$N = true", setFlag(field));
    }
    method.addStatement("builder.$N.putAll($N)", ADDITIONAL, ADDITIONAL);
    return method.addStatement("return builder").build();
  }

  private TypeSpec builderType(ObjectDecl object, ClassName self, ClassName builder) {
    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds {@link $T}. Required fields must be set before {@link #build()}.\n", self)
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_POJO_BUILDER).addMember("withPrefix", "$S", "").build())
        // Only annotated methods read JSON: a convenience overload such as limit(long) is not a property.
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_AUTO_DETECT)
            .addMember("setterVisibility", "$T.Visibility.NONE", RuntimeTypes.JSON_AUTO_DETECT).build());
    List<String> ignored = new ArrayList<>();
    object.tags().forEach(t -> ignored.add(t.wireName()));
    object.fields().stream().filter(f -> Kind.of(f) == Kind.CONSTANT).forEach(f -> ignored.add(f.wireName()));
    if (!ignored.isEmpty()) {
      // Tags and constants are fixed by the type: read, they are checked by nothing and kept nowhere.
      CodeBlock names = ignored.stream().map(n -> CodeBlock.of("$S", n)).collect(CodeBlock.joining(", ", "{", "}"));
      type.addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_IGNORE_PROPERTIES).addMember("value", "$L", names).build());
    }
    for (Field field : stored(object)) {
      Kind kind = Kind.of(field);
      TypeName stored = kind == Kind.REQUIRED ? types.boxed(field.type()) : storedType(field, kind);
      FieldSpec.Builder spec = FieldSpec.builder(stored, field.javaName(), Modifier.PRIVATE);
      if (kind == Kind.OPTIONAL_NULLABLE) spec.initializer("$T.absent()", RuntimeTypes.OPTIONAL_NULLABLE);
      type.addField(spec.build());
      if (kind == Kind.REQUIRED_NULLABLE) type.addField(TypeName.BOOLEAN, setFlag(field), Modifier.PRIVATE);
    }
    type.addField(FieldSpec.builder(additionalType(object), ADDITIONAL, Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T<>()", LinkedHashMap.class).build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    for (Field field : stored(object)) type.addMethods(setters(field, Kind.of(field), builder));
    type.addMethod(MethodSpec.methodBuilder("putAdditionalProperty")
        .addJavadoc("Adds a property the SDK does not model; it is written as given.\n")
        .addModifiers(Modifier.PUBLIC).returns(builder)
        .addParameter(String.class, "name").addParameter(additionalValueType(object), "value")
        .addStatement("$N.put($T.requireNonNull(name, $S), value)", ADDITIONAL, Objects.class, "name")
        .addStatement("return this").build());
    type.addMethod(MethodSpec.methodBuilder(JavaNames.jsonHook(object, "putAdditionalPropertyFromJson"))
        .addAnnotation(RuntimeTypes.JSON_ANY_SETTER)
        .addModifiers(Modifier.PRIVATE).returns(TypeName.VOID)
        .addParameter(String.class, "name").addParameter(additionalValueType(object), "value")
        .addStatement("$N.put(name, value)", ADDITIONAL).build());
    type.addMethod(buildMethod(object, self));
    return type.build();
  }

  private List<MethodSpec> setters(Field field, Kind kind, ClassName builder) {
    String name = field.javaName();
    MethodSpec.Builder setter = MethodSpec.methodBuilder(name)
        .addAnnotation(jsonProperty(field.wireName()))
        .addModifiers(Modifier.PUBLIC).returns(builder);
    Javadocs.Comment doc = fieldDoc(field);
    if (field.docs().deprecated()) setter.addAnnotation(Deprecated.class);
    List<MethodSpec> methods = new ArrayList<>();
    switch (kind) {
      case REQUIRED -> {
        TypeName type = types.of(field.type());
        setter.addParameter(type, name);
        if (type.isPrimitive()) setter.addStatement("this.$N = $N", name, name);
        else setter.addStatement("this.$N = $T.requireNonNull($N, $S)", name, Objects.class, name, field.wireName());
      }
      case OPTIONAL -> setter.addParameter(types.boxed(field.type()), name).addStatement("this.$N = $N", name, name);
      case REQUIRED_NULLABLE -> setter.addParameter(types.boxed(field.type()), name)
          .addStatement("this.$N = $N", name, name).addStatement("this.$N = true", setFlag(field));
      case OPTIONAL_NULLABLE -> {
        doc.paragraph("A null value is sent as JSON {@code null}.");
        setter.addParameter(types.boxed(field.type()), name)
            .addStatement("this.$N = $T.ofNullable($N)", name, RuntimeTypes.OPTIONAL_NULLABLE, name);
        methods.add(MethodSpec.methodBuilder("unset" + capitalize(name))
            .addJavadoc("Leaves $L out of the JSON, as if it had never been set.\n", Javadocs.code(field.wireName()))
            .addModifiers(Modifier.PUBLIC).returns(builder)
            .addStatement("this.$N = $T.absent()", name, RuntimeTypes.OPTIONAL_NULLABLE)
            .addStatement("return this").build());
      }
      case CONSTANT -> throw new IllegalStateException("constants have no setter");
    }
    methods.add(0, setter.addJavadoc(doc.build()).addStatement("return this").build());
    if (kind != Kind.REQUIRED) {
      // A required number's setter already takes the primitive.
      JavaTypes.literalOverload(field.javaName(), types.of(field.type()), builder, field.docs().deprecated())
          .ifPresent(overload -> methods.add(1, overload));
    }
    return methods;
  }

  private MethodSpec buildMethod(ObjectDecl object, ClassName self) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
        .addJavadoc("@throws IllegalStateException if a required field was not set\n");
    List<Field> required = stored(object).stream()
        .filter(f -> Kind.of(f) == Kind.REQUIRED || Kind.of(f) == Kind.REQUIRED_NULLABLE).toList();
    if (!required.isEmpty()) {
      method.addStatement("$T<$T> missing = new $T<>()", List.class, String.class, ArrayList.class);
      for (Field field : required) {
        String check = Kind.of(field) == Kind.REQUIRED ? field.javaName() + " == null" : "!" + setFlag(field);
        method.addStatement("if ($L) missing.add($S)", check, field.wireName());
      }
      method.beginControlFlow("if (!missing.isEmpty())")
          .addStatement("throw new $T($S + $T.join($S, missing))", IllegalStateException.class,
              object.name() + " is missing required fields: ", String.class, ", ")
          .endControlFlow();
    }
    return method.addStatement("return new $T(this)", self).build();
  }


  private static List<Field> stored(ObjectDecl object) {
    return object.fields().stream().filter(f -> Kind.of(f) != Kind.CONSTANT).toList();
  }

  private static String setFlag(Field field) {
    return field.javaName() + "IsSet";
  }

  /** What a property the object does not declare holds: the declared type, or any JSON. */
  private TypeName additionalValueType(ObjectDecl object) {
    return object.additionalProperties().map(types::boxed).orElse(RuntimeTypes.JSON_NODE);
  }

  private TypeName additionalType(ObjectDecl object) {
    return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), additionalValueType(object));
  }

  private static AnnotationSpec jsonProperty(String wireName) {
    return AnnotationSpec.builder(RuntimeTypes.JSON_PROPERTY).addMember("value", "$S", wireName).build();
  }

  private static AnnotationSpec include(String how) {
    return AnnotationSpec.builder(RuntimeTypes.JSON_INCLUDE).addMember("value", "$T.Include.$L", RuntimeTypes.JSON_INCLUDE, how).build();
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
