package ai.cartesia.generator.read;

import static ai.cartesia.generator.read.SchemaShapes.SCHEMA_REF;
import static ai.cartesia.generator.read.SchemaShapes.alternatives;
import static ai.cartesia.generator.read.SchemaShapes.hasAlternatives;
import static ai.cartesia.generator.read.SchemaShapes.isDeclaration;
import static ai.cartesia.generator.read.SchemaShapes.isNullSchema;
import static ai.cartesia.generator.read.SchemaShapes.isObjectDeclaration;
import static ai.cartesia.generator.read.SchemaShapes.simpleRefName;
import static ai.cartesia.generator.read.SchemaShapes.type;

import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Guard;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.ReservedNames;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeDecl.DiscriminatedUnion;
import ai.cartesia.generator.model.TypeDecl.ShapeVariant;
import ai.cartesia.generator.model.TypeDecl.UntaggedUnion;
import ai.cartesia.generator.model.TypeDecl.Variant;
import ai.cartesia.generator.model.TypeRef;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates {@code oneOf}/{@code anyOf} schemas: with a discriminator into a union whose tag
 * names the variant, without one into a union told apart by the shape of the JSON.
 */
final class UnionTranslator {

  private final SchemaTranslator schemas;
  private final Components components;
  private final Declarations declarations;
  private final Diagnostics diagnostics;
  private final ReservedNames reserved;
  private final Polymorphism polymorphism;

  UnionTranslator(
      SchemaTranslator schemas,
      Components components,
      Declarations declarations,
      Diagnostics diagnostics,
      ReservedNames reserved,
      Polymorphism polymorphism) {
    this.schemas = schemas;
    this.components = components;
    this.declarations = declarations;
    this.diagnostics = diagnostics;
    this.reserved = reserved;
    this.polymorphism = polymorphism;
  }

  TypeDecl union(String javaName, String pointer, Schema<?> schema, Docs docs) {
    List<Schema<?>> variants = alternatives(schema);
    String keyword = schema.getOneOf() != null ? "oneOf" : "anyOf";
    Discriminator own = schema.getDiscriminator();
    if (own != null && own.getPropertyName() != null) {
      Map<String, String> mapping = own.getMapping();
      if (mapping == null || mapping.isEmpty()) {
        // The bases the variants extend may map the tags the union leaves to schema names.
        mapping = polymorphism.inheritedMapping(variants, own.getPropertyName());
      }
      return taggedUnion(
          javaName, pointer, schema, own.getPropertyName(), mapping, variants, keyword, docs);
    }
    Optional<Discriminator> shared = polymorphism.shared(variants);
    if (shared.isPresent()) {
      return taggedUnion(
          javaName,
          pointer,
          schema,
          shared.get().getPropertyName(),
          shared.get().getMapping(),
          variants,
          keyword,
          docs);
    }
    return untaggedUnion(javaName, pointer, variants, keyword, docs);
  }

  /**
   * A base schema with a discriminator and no {@code oneOf}: a union of the schemas that extend
   * it (and those its mapping names), each variant carrying the base's properties.
   */
  TypeDecl polymorphicBase(
      String javaName, String pointer, String component, Schema<?> schema, Docs docs) {
    Discriminator discriminator = schema.getDiscriminator();
    return taggedUnion(
        javaName,
        pointer,
        schema,
        discriminator.getPropertyName(),
        discriminator.getMapping(),
        polymorphism.subtypes(component),
        "discriminator",
        docs);
  }

  private DiscriminatedUnion taggedUnion(
      String javaName,
      String pointer,
      Schema<?> schema,
      String property,
      Map<String, String> mapping,
      List<Schema<?>> variants,
      String keyword,
      Docs docs) {
    Map<String, String> tagToRef = tagsOf(mapping, variants, pointer);
    Naming.Scope variantNames = Naming.Scope.reserving(reserved.taggedVariants());
    List<Variant> result = new ArrayList<>();
    for (var entry : tagToRef.entrySet()) {
      String where = pointer + "/discriminator/mapping/" + entry.getKey();
      String target = components.refName(mappingRef(entry.getValue()), where);
      if (target == null) continue;
      target = components.aliasTarget(target);
      String variantType = declarations.componentName(target);
      Schema<?> targetSchema = components.schemas().get(target);
      if (variantType == null || !isObjectVariant(targetSchema)) {
        diagnostics.warn(
            where,
            "the variant '" + target + "' is not an object, so it cannot carry the tag '" + property
                + "'; messages with this tag are read as Unknown");
        continue;
      }
      result.add(new Variant(
          entry.getKey(), variantNames.claim(Naming.variantName(entry.getKey())), variantType));
      declarations.joinUnion(variantType, javaName);
      declarations.carryTag(variantType, property, entry.getKey());
    }
    if (variants.stream().anyMatch(v -> v.get$ref() == null)) {
      diagnostics.warn(
          pointer + "/" + keyword,
          "inline variants of a discriminated union are not supported yet; they are read as Unknown");
    }
    return new DiscriminatedUnion(
        javaName,
        pointer,
        docs,
        property,
        result,
        Extensions.whenUntagged(schema, pointer, tagToRef.keySet(), diagnostics));
  }

  /** Each tag of a discriminated union and the reference it selects: the mapping's, then the implicit ones. */
  private Map<String, String> tagsOf(
      Map<String, String> mapping, List<Schema<?>> variants, String pointer) {
    Map<String, String> tagToRef = new LinkedHashMap<>();
    if (mapping != null) tagToRef.putAll(mapping);
    // The resolver adds an entry named after each schema it brings in from another file, beside
    // the spec's own entry for that file: only the spec's entries are tags.
    Set<String> fromFiles = new HashSet<>();
    tagToRef.values().stream()
        .filter(UnionTranslator::isFileRef)
        .forEach(ref -> fromFiles.add(mappingRef(ref)));
    tagToRef
        .entrySet()
        .removeIf(entry -> !isFileRef(entry.getValue())
            && components.isRenamedFromFile(entry.getKey())
            && fromFiles.contains(mappingRef(entry.getValue())));
    // Variants the mapping leaves out are tagged by their schema name, as OpenAPI says.
    Set<String> mapped = new HashSet<>();
    for (String ref : tagToRef.values()) {
      String name = simpleRefName(mappingRef(ref));
      if (name != null) mapped.add(components.aliasTarget(name));
    }
    for (Schema<?> variant : variants) {
      if (variant.get$ref() == null) continue;
      String name = components.refName(variant.get$ref(), pointer);
      if (name == null || mapped.contains(components.aliasTarget(name))) continue;
      if (tagToRef.putIfAbsent(name, variant.get$ref()) != null) {
        diagnostics.warn(
            pointer + "/discriminator",
            "the variant " + name + " is not in the mapping, and its implicit tag '" + name
                + "' already names another variant; it cannot be told apart and is left out");
      }
    }
    return tagToRef;
  }

  private UntaggedUnion untaggedUnion(
      String javaName, String pointer, List<Schema<?>> variants, String keyword, Docs docs) {
    Naming.Scope variantNames = Naming.Scope.reserving(reserved.untaggedVariants());
    List<ShapeVariant> result = new ArrayList<>();
    int i = 0;
    for (Schema<?> variant : variants) {
      String where = pointer + "/" + keyword + "/" + i++;
      if (isNullSchema(variant)) continue;
      TypeRef type = schemas.typeOf(variant, javaName + "Variant" + i, where);
      Guard guard = guardOf(variant);
      String variantName;
      if (type instanceof TypeRef.Named named && isObjectVariant(components.resolve(variant))) {
        variantName = variantNames.claim(named.name());
        declarations.joinUnion(named.name(), javaName);
      } else {
        variantName = variantNames.claim("Of" + stem(type));
      }
      for (ShapeVariant earlier : result) {
        if (earlier.guard().overlaps(guard)) {
          diagnostics.warn(
              where,
              "this variant and '" + earlier.javaName()
                  + "' can match the same JSON; it is read as the first of"
                  + " them that reads it");
        }
      }
      result.add(new ShapeVariant(variantName, type, guard));
    }
    return new UntaggedUnion(javaName, pointer, docs, result);
  }

  /**
   * Whether a component is generated as an object, which a union can take as a variant: not a
   * union itself, which includes a base that becomes the union of its subtypes.
   */
  private boolean isObjectVariant(Schema<?> schema) {
    return schema != null && isObjectDeclaration(schema) && !polymorphism.isBase(schema);
  }

  /** The word a wrapper variant is named by: {@code OfString}, {@code OfListOfInteger}. */
  private static String stem(TypeRef type) {
    return type.accept(new TypeRef.Visitor<>() {
      @Override
      public String visitNamed(TypeRef.Named named) {
        return named.name();
      }

      @Override
      public String visitList(TypeRef.ListOf list) {
        return "ListOf" + stem(list.element());
      }

      @Override
      public String visitMap(TypeRef.MapOf map) {
        return "MapOf" + stem(map.value());
      }

      @Override
      public String visitPrimitive(TypeRef.Primitive primitive) {
        return switch (primitive.kind()) {
          case STRING, DATE, DATE_TIME, UUID -> "String";
          case BOOLEAN -> "Boolean";
          case INT32, INT64, BIG_INTEGER -> "Integer";
          case FLOAT, DOUBLE, DECIMAL -> "Number";
          case BASE64, BINARY -> "Bytes";
          case ANY -> "Json";
        };
      }
    });
  }

  private Guard guardOf(Schema<?> variant) {
    Schema<?> schema = components.resolve(variant);
    if (schema.getEnum() != null && !schema.getEnum().isEmpty() && isDeclaration(schema)) {
      return Guard.of(Guard.JsonShape.STRING);
    }
    if (hasAlternatives(schema)) return Guard.of(Guard.JsonShape.ANY);
    String type = type(schema);
    if (schema.getProperties() != null || schema.getAllOf() != null || "object".equals(type)) {
      Map<String, Schema<?>> properties = new LinkedHashMap<>();
      Set<String> required = new LinkedHashSet<>();
      components.collectProperties(schema, "#", properties, required, new LinkedHashSet<>());
      Map<String, String> constants = new LinkedHashMap<>();
      for (String name : required) {
        Schema<?> property = properties.get(name);
        if (property != null)
          components.constantOf(property).ifPresent(c -> constants.put(name, c));
      }
      return new Guard(Guard.JsonShape.OBJECT, List.copyOf(required), constants);
    }
    if (type == null) return Guard.of(Guard.JsonShape.ANY);
    return Guard.of(
        switch (type) {
          case "array" -> Guard.JsonShape.ARRAY;
          case "string" -> Guard.JsonShape.STRING;
          case "integer" -> Guard.JsonShape.INTEGER;
          case "number" -> Guard.JsonShape.NUMBER;
          case "boolean" -> Guard.JsonShape.BOOLEAN;
          default -> Guard.JsonShape.ANY;
        });
  }

  /**
   * A discriminator mapping's value as a reference to a schema of this document. It may be a
   * bare schema name, a local reference, or a reference to another file, whose schema the
   * resolver brought in under a name of its choosing ({@code book}, or {@code book_1} when two
   * files are called so).
   */
  private String mappingRef(String value) {
    if (!isFileRef(value)) return value.startsWith("#") ? value : SCHEMA_REF + value;
    return components
        .renamedFromFile(value.startsWith("./") || value.startsWith("../") ? value : "./" + value)
        .map(renamed -> SCHEMA_REF + renamed)
        .orElse(value);
  }

  /** A mapping value naming a schema in another file; bare names were made local references when read. */
  private static boolean isFileRef(String value) {
    return !value.startsWith("#") && (value.contains("/") || value.contains("."));
  }
}
