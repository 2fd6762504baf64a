package ai.cartesia.generator.read;

import static ai.cartesia.generator.read.SchemaShapes.castList;
import static ai.cartesia.generator.read.SchemaShapes.hasAlternatives;
import static ai.cartesia.generator.read.SchemaShapes.isDeclaration;
import static ai.cartesia.generator.read.SchemaShapes.isEmptyObject;
import static ai.cartesia.generator.read.SchemaShapes.nonNullVariants;
import static ai.cartesia.generator.read.SchemaShapes.scalarKind;
import static ai.cartesia.generator.read.SchemaShapes.type;

import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.ReservedNames;
import ai.cartesia.generator.model.TypeDecl.EnumDecl;
import ai.cartesia.generator.model.TypeDecl.EnumValue;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import ai.cartesia.generator.model.TypeRef;
import ai.cartesia.generator.model.TypeRef.Primitive.Kind;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates schemas: component schemas into declarations (objects, enums, and through {@link
 * UnionTranslator} unions), and any schema where it is used into a {@link TypeRef}, declaring
 * inline object, enum and union schemas under names made from where they are used.
 */
final class SchemaTranslator {

  private static final int MAX_NAME_LENGTH = 120;

  private final Components components;
  private final Declarations declarations;
  private final Diagnostics diagnostics;
  private final UnionTranslator unions;
  /** The components being inlined by {@link #typeOf}, innermost last: a reference back to one is a cycle. */
  private final Set<String> inlining = new LinkedHashSet<>();

  private final Polymorphism polymorphism;

  SchemaTranslator(
      Components components,
      Declarations declarations,
      Diagnostics diagnostics,
      ReservedNames reserved) {
    this.components = components;
    this.declarations = declarations;
    this.diagnostics = diagnostics;
    this.polymorphism = new Polymorphism(components);
    this.unions =
        new UnionTranslator(this, components, declarations, diagnostics, reserved, polymorphism);
  }

  /**
   * Declares every component schema that is a type of its own. All are named first, so that
   * references between them, in any order, find their names.
   */
  void declareComponents() {
    for (var entry : components.schemas().entrySet()) {
      if (isDeclaration(entry.getValue())) {
        String preferred = Extensions.javaName(entry.getValue()).orElse(entry.getKey());
        declarations.nameComponent(
            entry.getKey(), declarations.claim(declarations.typeName(preferred)));
      }
    }
    for (var entry : components.schemas().entrySet()) {
      String javaName = declarations.componentName(entry.getKey());
      if (javaName != null)
        declare(javaName, JsonPointers.schema(entry.getKey()), entry.getKey(), entry.getValue());
    }
  }

  /** The type a field or parameter refers to, declaring inline types under {@code inlineName}. */
  TypeRef typeOf(Schema<?> schema, String inlineName, String pointer) {
    // A component that is no type of its own is inlined where it is used. Chains of such
    // aliases can be thousands long, so they are followed in a loop; one that comes back to a
    // component being inlined, without passing through a declared type, has no Java form.
    Set<String> followed = new LinkedHashSet<>();
    while (schema.get$ref() != null) {
      String name = components.refName(schema.get$ref(), pointer);
      if (name == null) return TypeRef.primitive(Kind.ANY);
      String declName = declarations.componentName(name);
      if (declName != null) return new TypeRef.Named(declName);
      if (inlining.contains(name) || !followed.add(name)) {
        diagnostics.warn(
            pointer,
            "'" + schema.get$ref() + "' refers back to itself through no object, enum or union;"
                + " this reference is generated as any JSON value");
        return TypeRef.primitive(Kind.ANY);
      }
      schema = components.schemas().get(name);
      pointer = JsonPointers.schema(name);
    }
    if (followed.isEmpty()) return inlined(schema, inlineName, pointer);
    inlining.addAll(followed);
    try {
      return inlined(schema, inlineName, pointer);
    } finally {
      inlining.removeAll(followed);
    }
  }

  /** The type of a schema that is not a reference, where it is used. */
  private TypeRef inlined(Schema<?> schema, String inlineName, String pointer) {
    if (schema.getAllOf() != null && schema.getAllOf().size() == 1 && isEmptyObject(schema)) {
      return typeOf(castList(schema.getAllOf()).get(0), inlineName, pointer + "/allOf/0");
    }
    if (hasAlternatives(schema) && nonNullVariants(schema).size() == 1) {
      return typeOf(nonNullVariants(schema).get(0), inlineName, pointer);
    }
    if (isDeclaration(schema)) {
      String name = declarations.claim(bounded(declarations.typeName(inlineName)));
      declare(name, pointer, null, schema);
      return new TypeRef.Named(name);
    }
    List<String> several = SchemaShapes.severalTypes(schema);
    if (!several.isEmpty()) {
      if (several.equals(List.of("integer", "number"))) return TypeRef.primitive(Kind.DOUBLE);
      diagnostics.warn(
          pointer + "/type",
          "a value of any of the types " + several
              + " has no one Java type; it is generated as any JSON value");
      return TypeRef.primitive(Kind.ANY);
    }
    String type = type(schema);
    if ("array".equals(type)) {
      Schema<?> items = schema.getItems();
      if (items == null) {
        diagnostics.warn(
            pointer, "an array without 'items' is generated as a list of any JSON value");
        return new TypeRef.ListOf(TypeRef.primitive(Kind.ANY));
      }
      return new TypeRef.ListOf(typeOf(items, inlineName + "Item", pointer + "/items"));
    }
    // 'additionalProperties' makes a map of an untyped schema, not of a string that has it too.
    if ("object".equals(type) || type == null && schema.getAdditionalProperties() != null) {
      if (schema.getAdditionalProperties() instanceof Schema<?> value) {
        return new TypeRef.MapOf(
            typeOf(value, inlineName + "Value", pointer + "/additionalProperties"));
      }
      return new TypeRef.MapOf(TypeRef.primitive(Kind.ANY));
    }
    return TypeRef.primitive(scalarKind(schema));
  }

  /**
   * An inline type is named after where it is used, so names grow with nesting; file systems
   * take 255 bytes at most. A long name keeps its start and its end.
   */
  private static String bounded(String name) {
    int keep = MAX_NAME_LENGTH / 2;
    return name.length() <= MAX_NAME_LENGTH
        ? name
        : name.substring(0, keep) + name.substring(name.length() - keep);
  }

  /** Declares a schema; {@code component} is its component name, null for an inline schema. */
  private void declare(String javaName, String pointer, String component, Schema<?> schema) {
    if (declarations.isDeclared(javaName)) return;
    Docs docs = components.docs(schema);
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      declarations.put(enumDecl(javaName, pointer, schema, docs));
      return;
    }
    // A placeholder stands in while the type is translated, so that recursive references find it.
    declarations.put(
        new ObjectDecl(javaName, pointer, docs, List.of(), Optional.empty(), List.of(), List.of()));
    if (hasAlternatives(schema)) {
      declarations.put(unions.union(javaName, pointer, schema, docs));
    } else if (polymorphism.isBase(component)) {
      declarations.put(unions.polymorphicBase(javaName, pointer, component, schema, docs));
    } else {
      declarations.put(object(javaName, pointer, schema, docs));
    }
  }

  private EnumDecl enumDecl(String javaName, String pointer, Schema<?> schema, Docs docs) {
    Naming.Scope constants = new Naming.Scope();
    List<EnumValue> values = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Object value : schema.getEnum()) {
      if (value == null) continue;
      String wire = String.valueOf(value);
      if (!seen.add(wire)) {
        diagnostics.warn(
            pointer + "/enum", "the value '" + wire + "' is listed twice; it is generated once");
        continue;
      }
      values.add(new EnumValue(wire, constants.claim(Naming.constantName(wire)), Docs.NONE));
    }
    return new EnumDecl(javaName, pointer, docs, values);
  }

  /** Whether a property is {@code readOnly} or {@code writeOnly}, itself or where it refers. */
  private boolean isDirectional(Schema<?> property) {
    Schema<?> resolved = components.resolve(property);
    return Boolean.TRUE.equals(property.getReadOnly())
        || Boolean.TRUE.equals(property.getWriteOnly())
        || Boolean.TRUE.equals(resolved.getReadOnly())
        || Boolean.TRUE.equals(resolved.getWriteOnly());
  }

  private ObjectDecl object(String javaName, String pointer, Schema<?> schema, Docs docs) {
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    components.collectProperties(schema, pointer, properties, required, new LinkedHashSet<>());

    Naming.Scope members = new Naming.Scope();
    List<Field> fields = new ArrayList<>();
    for (var property : properties.entrySet()) {
      String wire = property.getKey();
      String fieldPointer = JsonPointers.child(pointer + "/properties", wire);
      Schema<?> propertySchema = property.getValue();
      // One class reads and writes both directions, and OpenAPI requires a readOnly property only
      // in responses and a writeOnly one only in requests: neither is demanded by the builder or
      // when reading, so a request that rightly leaves out a readOnly id still reads.
      boolean isRequired = required.contains(wire) && !isDirectional(propertySchema);
      Optional<String> constant =
          isRequired ? components.constantOf(propertySchema) : Optional.empty();
      TypeRef type = constant.isPresent()
          ? TypeRef.primitive(scalarKind(components.resolve(propertySchema)))
          : typeOf(propertySchema, javaName + declarations.typeName(wire), fieldPointer);
      fields.add(new Field(
          wire,
          members.claim(Naming.memberName(wire)),
          type,
          isRequired,
          components.isNullable(propertySchema),
          SchemaShapes.defaultOf(propertySchema),
          constant,
          components.docs(propertySchema)));
    }
    Optional<TypeRef> additional = Optional.empty();
    if (schema.getAdditionalProperties() instanceof Schema<?> valueSchema) {
      additional =
          Optional.of(typeOf(valueSchema, javaName + "Value", pointer + "/additionalProperties"));
    }
    return new ObjectDecl(javaName, pointer, docs, fields, additional, List.of(), List.of());
  }
}
