package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeDecl.DiscriminatedUnion;
import ai.cartesia.generator.model.TypeDecl.UntaggedUnion;
import ai.cartesia.generator.model.TypeDecl.Variant;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits unions as sealed interfaces with a visitor. A tagged union reads its tag and binds the
 * one variant it names (an unknown tag becomes {@code Unknown}, which keeps the JSON); an
 * untagged union checks the JSON against guards decided at generation time and binds the first
 * variant whose guard holds.
 */
final class UnionEmitter {

  private final ApiModel model;
  private final Packages packages;
  private final JavaTypes types;
  private final UntaggedUnionEmitter untagged;

  UnionEmitter(ApiModel model, Packages packages, JavaTypes types) {
    this.model = model;
    this.packages = packages;
    this.types = types;
    this.untagged = new UntaggedUnionEmitter(packages, types);
  }

  TypeSpec emit(DiscriminatedUnion union) {
    ClassName self = packages.modelType(union.name());
    ClassName unknown = self.nestedClass(JavaNames.UNKNOWN);
    String tagAccessor = JavaNames.tagAccessor(union.property());
    CodeBlock subtypes = union.variants().stream()
        .map(v -> CodeBlock.of(
            "@$T.Type(value = $T.class, name = $S)",
            RuntimeTypes.JSON_SUB_TYPES,
            packages.modelType(v.type()),
            v.tag()))
        .collect(CodeBlock.joining(",\n", "{\n", "\n}"));
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addJavadoc(new Javadocs.Comment()
            .docs(union.docs())
            .paragraph(
                "The variant is named by $L; a value this SDK does not know yet is read as {@link Unknown}.",
                Javadocs.code(union.property()))
            .build());
    if (union.whenUntagged().isEmpty() && hasTextTagsOnly(union)) {
      // Jackson reads the tag first (buffering only what comes before it) and binds that one
      // variant. (It hands an unknown variant a tag that is not a string as one, so those unions
      // read the tree below instead.)
      type.addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_TYPE_INFO)
              .addMember("use", "$T.Id.NAME", RuntimeTypes.JSON_TYPE_INFO)
              .addMember("include", "$T.As.EXISTING_PROPERTY", RuntimeTypes.JSON_TYPE_INFO)
              .addMember("property", "$S", union.property())
              .addMember("visible", "true")
              .addMember("defaultImpl", "$T.class", unknown)
              .build())
          .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_SUB_TYPES)
              .addMember("value", "$L", subtypes)
              .build());
    } else {
      if (!union.whenUntagged().isEmpty())
        type.addJavadoc(
            "\n<p>A message without $L is read by the properties it has: $L.\n",
            Javadocs.code(union.property()),
            union.whenUntagged().stream()
                .map(r ->
                    "with " + r.has().stream().map(Javadocs::code).collect(Collectors.joining(", "))
                        + " as " + Javadocs.code(r.tag()))
                .collect(Collectors.joining("; ")));
      type.addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_DESERIALIZE)
          .addMember("using", "$T.class", self.nestedClass(JavaNames.DESERIALIZER))
          .build());
      type.addType(taggedDeserializer(union, self, unknown));
    }
    List<Variant> distinct = distinctTypes(union);
    for (Variant variant : distinct) type.addPermittedSubclass(packages.modelType(variant.type()));
    type.addPermittedSubclass(unknown);
    type.addMethod(MethodSpec.methodBuilder(tagAccessor)
        .addJavadoc("The value of $L that names the variant.\n", Javadocs.code(union.property()))
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(String.class)
        .build());
    type.addMethod(acceptSignature(self).addModifiers(Modifier.ABSTRACT).build());

    TypeSpec.Builder visitor = visitorBuilder();
    for (Variant variant : distinct) {
      visitor.addMethod(visitSignature(variant.javaName(), packages.modelType(variant.type())));
    }
    visitor.addMethod(visitSignature(JavaNames.UNKNOWN, unknown));
    type.addType(visitor.build());
    type.addType(unknownType(self, unknown, union.property(), tagAccessor));
    return type.build();
  }

  /** One variant per type: a type that several tags name is visited once, by its first tag. */
  static List<Variant> distinctTypes(DiscriminatedUnion union) {
    Map<String, Variant> byType = new LinkedHashMap<>();
    for (Variant variant : union.variants()) byType.putIfAbsent(variant.type(), variant);
    return List.copyOf(byType.values());
  }

  /**
   * Reads a tagged union whose messages may lack the tag: the tag when it is there, else the
   * first rule whose properties the message has; then binds that one variant.
   */
  private TypeSpec taggedDeserializer(DiscriminatedUnion union, ClassName self, ClassName unknown) {
    MethodSpec.Builder deserialize = MethodSpec.methodBuilder("deserialize")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addParameter(RuntimeTypes.JSON_PARSER, "parser")
        .addParameter(RuntimeTypes.DESERIALIZATION_CONTEXT, "context")
        .addException(IOException.class)
        .addStatement("$T json = context.readTree(parser)", RuntimeTypes.JSON_NODE)
        .beginControlFlow("if (!json.isObject())")
        .addStatement(
            "throw $T.from(parser, $T.class, $S)",
            RuntimeTypes.MISMATCHED_INPUT,
            self,
            "a " + union.name() + " is a JSON object")
        .endControlFlow()
        .addStatement("$T tag = json.path($S)", RuntimeTypes.JSON_NODE, union.property())
        .addStatement(
            "$T type = $L ? tag.asText() : untaggedType(json)",
            String.class,
            hasTextTagsOnly(union) ? "tag.isTextual()" : "tag.isValueNode() && !tag.isNull()")
        .beginControlFlow("switch (type)");
    for (Variant variant : union.variants()) {
      deserialize.addStatement(
          "case $S: return context.readTreeAsValue(json, $T.class)",
          variant.tag(),
          packages.modelType(variant.type()));
    }
    deserialize
        .addStatement("default: return new $T(($T) json)", unknown, RuntimeTypes.OBJECT_NODE)
        .endControlFlow();
    MethodSpec.Builder untagged = MethodSpec.methodBuilder("untaggedType")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(String.class)
        .addParameter(RuntimeTypes.JSON_NODE, "json");
    for (TypeDecl.UntaggedRule rule : union.whenUntagged()) {
      CodeBlock has = rule.has().stream()
          .map(p -> CodeBlock.of("json.has($S)", p))
          .collect(CodeBlock.joining(" && "));
      untagged.addStatement("if ($L) return $S", has, rule.tag());
    }
    untagged.addStatement("return $S", "");
    return TypeSpec.classBuilder(JavaNames.DESERIALIZER)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(RuntimeTypes.STD_DESERIALIZER, self))
        .addMethod(MethodSpec.constructorBuilder()
            .addStatement("super($T.class)", self)
            .build())
        .addMethod(deserialize.build())
        .addMethod(untagged.build())
        .build();
  }

  /** Whether every variant's tag is a string on the wire, rather than a number or a boolean. */
  private boolean hasTextTagsOnly(DiscriminatedUnion union) {
    return union.variants().stream()
        .map(v -> model.type(v.type()).orElse(null))
        .filter(t -> t instanceof TypeDecl.ObjectDecl)
        .flatMap(t -> ((TypeDecl.ObjectDecl) t).tags().stream())
        .filter(tag -> tag.wireName().equals(union.property()))
        .allMatch(tag -> JavaTypes.isText(tag.type()));
  }

  /** The variant for a tag this SDK does not know: the JSON object, whole, read and written as is. */
  private TypeSpec unknownType(
      ClassName union, ClassName unknown, String property, String tagAccessor) {
    return TypeSpec.classBuilder(unknown)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(union)
        .addJavadoc(
            "A variant this version of the SDK does not know, kept as the JSON object it came as.\n")
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_TYPE_INFO)
            .addMember("use", "$T.Id.NONE", RuntimeTypes.JSON_TYPE_INFO)
            .build())
        .addField(RuntimeTypes.OBJECT_NODE, "json", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(AnnotationSpec.builder(RuntimeTypes.JSON_CREATOR)
                .addMember("mode", "$T.Mode.DELEGATING", RuntimeTypes.JSON_CREATOR)
                .build())
            .addParameter(RuntimeTypes.OBJECT_NODE, "json")
            .addStatement("this.json = json.deepCopy()")
            .build())
        .addMethod(MethodSpec.methodBuilder("json")
            .addJavadoc("A copy of the JSON object.\n")
            .addAnnotation(RuntimeTypes.JSON_VALUE)
            .addModifiers(Modifier.PUBLIC)
            .returns(RuntimeTypes.OBJECT_NODE)
            .addStatement("return json.deepCopy()")
            .build())
        .addMethod(MethodSpec.methodBuilder(tagAccessor)
            .addJavadoc("The tag as sent, or an empty string if the object had none.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return json.path($S).asText($S)", property, "")
            .build())
        .addMethod(acceptImplementation(union, JavaNames.UNKNOWN))
        .addMethod(MethodSpec.methodBuilder("equals")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addParameter(Object.class, "other")
            .addStatement("return other instanceof $T that && json.equals(that.json)", unknown)
            .build())
        .addMethod(MethodSpec.methodBuilder("hashCode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement("return json.hashCode()")
            .build())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S + json + $S", "Unknown{", "}")
            .build())
        .build();
  }

  TypeSpec emit(UntaggedUnion union) {
    return untagged.emit(union);
  }

  static TypeSpec.Builder visitorBuilder() {
    return TypeSpec.interfaceBuilder(JavaNames.VISITOR)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariable(TypeVariableName.get("R"))
        .addJavadoc(
            "One method per variant, so that code on Java 17 handles every case; on Java 21 a {@code switch} over the sealed type does the same.\n");
  }

  static MethodSpec visitSignature(String variantName, TypeName variantType) {
    return MethodSpec.methodBuilder(JavaNames.visitMethod(variantName))
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(TypeVariableName.get("R"))
        .addParameter(variantType, JavaNames.variantParameter(variantName))
        .build();
  }

  static MethodSpec.Builder acceptSignature(ClassName union) {
    TypeVariableName r = TypeVariableName.get("R");
    return MethodSpec.methodBuilder("accept")
        .addJavadoc("Calls the visitor's method for this variant.\n")
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(r)
        .returns(r)
        .addParameter(
            ParameterizedTypeName.get(union.nestedClass(JavaNames.VISITOR), r), "visitor");
  }

  /** {@code accept}: calls the visitor method of the variant. */
  static MethodSpec acceptImplementation(ClassName union, String variantName) {
    TypeVariableName r = TypeVariableName.get("R");
    return MethodSpec.methodBuilder("accept")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(r)
        .returns(r)
        .addParameter(ParameterizedTypeName.get(union.nestedClass(JavaNames.VISITOR), r), "visitor")
        .addStatement("return visitor.$N(this)", JavaNames.visitMethod(variantName))
        .build();
  }
}
