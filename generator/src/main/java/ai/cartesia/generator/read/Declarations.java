package ai.cartesia.generator.read;

import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.ReservedNames;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import ai.cartesia.generator.model.TypeDecl.Tag;
import ai.cartesia.generator.model.TypeRef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The types declared so far, under the names they were given, and which unions each object
 * belongs to: the state the schema, union and operation translators share.
 */
final class Declarations {

  private final ReservedNames reserved;
  private final Naming.Scope typeNames = new Naming.Scope();
  /** Component schema name to the Java name of its declaration. */
  private final Map<String, String> componentNames = new LinkedHashMap<>();

  private final Map<String, TypeDecl> decls = new LinkedHashMap<>();
  /** Object Java name to the unions it belongs to, and to the tag it carries per discriminator property. */
  private final Map<String, Set<String>> unionsOf = new LinkedHashMap<>();

  private final Map<String, Map<String, CarriedTag>> tagsOf = new LinkedHashMap<>();

  Declarations(ReservedNames reserved) {
    this.reserved = reserved;
  }

  /** A type name made from {@code raw}, clear of reserved names but not yet claimed. */
  String typeName(String raw) {
    return Naming.typeName(raw, reserved);
  }

  /** Claims a unique type name for {@code preferred}, which is already a type name. */
  String claim(String preferred) {
    return typeNames.claim(preferred);
  }

  /** Names the declaration of a component schema. */
  void nameComponent(String component, String javaName) {
    componentNames.put(component, javaName);
  }

  /** The Java name of a component's declaration; null if the component is inlined where used. */
  String componentName(String component) {
    return componentNames.get(component);
  }

  /** The component schema a declaration was made from, if it was made from one. */
  Optional<String> componentOf(String javaName) {
    return componentNames.entrySet().stream()
        .filter(e -> e.getValue().equals(javaName))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  boolean isDeclared(String javaName) {
    return decls.containsKey(javaName);
  }

  /** Declares a type, or replaces a placeholder declared under the same name. */
  void put(TypeDecl decl) {
    decls.put(decl.name(), decl);
  }

  /** Records that an object is a variant of a union. */
  void joinUnion(String object, String union) {
    unionsOf.computeIfAbsent(object, k -> new LinkedHashSet<>()).add(union);
  }

  /**
   * Records that an object is the variant a tag names. When several tags of one property name it,
   * the tag is data, kept in a field of its own.
   */
  void carryTag(String object, String property, String tag) {
    Map<String, CarriedTag> tags = tagsOf.computeIfAbsent(object, k -> new LinkedHashMap<>());
    CarriedTag previous = tags.putIfAbsent(property, new CarriedTag.Fixed(tag));
    if (previous instanceof CarriedTag.Fixed fixed && !fixed.value().equals(tag))
      tags.put(property, new CarriedTag.Varying());
  }

  /** Every declaration in the order declared, objects with their union memberships. */
  List<TypeDecl> all() {
    List<TypeDecl> types = new ArrayList<>();
    for (TypeDecl decl : decls.values()) types.add(withMembership(decl));
    return List.copyOf(types);
  }

  private TypeDecl withMembership(TypeDecl decl) {
    if (!(decl instanceof ObjectDecl object)) return decl;
    Map<String, CarriedTag> tags = tagsOf.getOrDefault(object.name(), Map.of());
    Set<String> unions = unionsOf.getOrDefault(object.name(), Set.of());
    if (tags.isEmpty() && unions.isEmpty()) return decl;
    List<Field> fields = new ArrayList<>();
    Map<String, Field> byWireName = new LinkedHashMap<>();
    for (Field field : object.fields()) byWireName.put(field.wireName(), field);
    tags.forEach((property, tag) -> {
      if (tag instanceof CarriedTag.Varying && !byWireName.containsKey(property)) {
        // The variant does not declare the property its several tags are in: it keeps the one it
        // came with all the same, as its unions' tag accessor needs.
        fields.add(new Field(
            property,
            Naming.memberName(property),
            TypeRef.primitive(TypeRef.Primitive.Kind.STRING),
            true,
            false,
            Optional.empty(),
            Optional.empty(),
            Docs.NONE));
      }
    });
    for (Field field : object.fields()) {
      CarriedTag tag = tags.get(field.wireName());
      if (tag == null) {
        fields.add(field);
      } else if (tag instanceof CarriedTag.Varying) {
        fields.add(new Field(
            field.wireName(),
            field.javaName(),
            TypeRef.primitive(TypeRef.Primitive.Kind.STRING),
            true,
            false,
            Optional.empty(),
            Optional.empty(),
            field.docs()));
      }
      // A fixed tag is no field: the object answers it as a constant.
    }
    List<Tag> tagList = new ArrayList<>();
    tags.forEach((property, tag) -> {
      if (tag instanceof CarriedTag.Fixed fixed) {
        Field declared = byWireName.get(property);
        tagList.add(new Tag(
            property,
            fixed.value(),
            tagType(declared, fixed.value()),
            declared == null || !declared.required()));
      }
    });
    return new ObjectDecl(
        object.name(),
        object.pointer(),
        object.docs(),
        fields,
        object.additionalProperties(),
        List.copyOf(tagList),
        List.copyOf(unions));
  }

  /**
   * The JSON type a tag is written as: the number or boolean the variant declares the property
   * as, when the tag is one; else a string (mapping keys are strings, whatever the property).
   */
  private static TypeRef tagType(Field field, String value) {
    TypeRef string = TypeRef.primitive(TypeRef.Primitive.Kind.STRING);
    if (field == null || !(field.type() instanceof TypeRef.Primitive primitive)) return string;
    boolean fits = switch (primitive.kind()) {
      case BOOLEAN -> value.equals("true") || value.equals("false");
      case INT32 ->
        INTEGER.matcher(value).matches() && fitsIn(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case INT64 ->
        INTEGER.matcher(value).matches() && fitsIn(value, Long.MIN_VALUE, Long.MAX_VALUE);
      case BIG_INTEGER -> INTEGER.matcher(value).matches();
      case FLOAT, DOUBLE, DECIMAL -> NUMBER.matcher(value).matches();
      default -> false;
    };
    return fits ? primitive : string;
  }

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private static boolean fitsIn(String value, long min, long max) {
    BigInteger number = new BigInteger(value);
    return number.compareTo(BigInteger.valueOf(min)) >= 0
        && number.compareTo(BigInteger.valueOf(max)) <= 0;
  }

  /** The tag an object carries for one discriminator property. */
  private sealed interface CarriedTag {
    /** Every tag that names the object has this value. */
    record Fixed(String value) implements CarriedTag {}

    /** Several tags name the object: the value varies from message to message. */
    record Varying() implements CarriedTag {}
  }
}
