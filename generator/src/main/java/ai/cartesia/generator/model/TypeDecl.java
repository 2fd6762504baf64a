package ai.cartesia.generator.model;

import java.util.List;
import java.util.Optional;

/** A named type the generator emits as its own Java file. */
public sealed interface TypeDecl {

  /** The Java simple name, unique in the model. */
  String name();

  /** Where the type is defined in the spec, as a JSON pointer. */
  String pointer();

  Docs docs();

  /** Calls the visitor's method for this kind of declaration. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of declaration: a new kind fails to compile until every visitor (each
   * emitter that writes or inspects declarations) handles it.
   */
  interface Visitor<R> {
    R visitObject(ObjectDecl object);

    R visitEnum(EnumDecl enumeration);

    R visitDiscriminatedUnion(DiscriminatedUnion union);

    R visitUntaggedUnion(UntaggedUnion union);

    R visitRequest(RequestDecl request);
  }

  /**
   * An object with named fields.
   *
   * @param additionalProperties the value type of declared additional properties, if the schema
   *     declares them; unknown properties are kept in either case
   * @param tags the discriminator values this object carries as a member of unions
   * @param unions the unions this object is a variant of
   */
  record ObjectDecl(
      String name,
      String pointer,
      Docs docs,
      List<Field> fields,
      Optional<TypeRef> additionalProperties,
      List<Tag> tags,
      List<String> unions)
      implements TypeDecl {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitObject(this);
    }
  }

  /**
   * A discriminator property with the constant value a variant has for it.
   *
   * @param value the tag as text, as the union's tag accessor answers it
   * @param type its JSON type on the wire: a string, or the number or boolean the variant
   *     declares the property as ({@code 200} for the mapping key {@code "200"})
   * @param optional whether the variant's own schema leaves the property out of {@code required}:
   *     JSON of the variant on its own may lack it, and is then written back without it
   */
  record Tag(String wireName, String value, TypeRef type, boolean optional) {}

  /** An open enumeration: known values, and room for values the spec does not list yet. */
  record EnumDecl(String name, String pointer, Docs docs, List<EnumValue> values)
      implements TypeDecl {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitEnum(this);
    }
  }

  record EnumValue(String wireValue, String javaName, Docs docs) {}

  /**
   * A union whose variant is named by the value of one property.
   *
   * @param whenUntagged how to choose the variant of a message without the property, in order
   */
  record DiscriminatedUnion(
      String name,
      String pointer,
      Docs docs,
      String property,
      List<Variant> variants,
      List<UntaggedRule> whenUntagged)
      implements TypeDecl {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDiscriminatedUnion(this);
    }
  }

  /** A message without a tag that has all of {@code has} is read as the variant of {@code tag}. */
  record UntaggedRule(String tag, List<String> has) {}

  /**
   * A union without a tag: the variant is recognised by the shape of the JSON.
   *
   * @param variants in the order they are tried
   */
  record UntaggedUnion(String name, String pointer, Docs docs, List<ShapeVariant> variants)
      implements TypeDecl {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitUntaggedUnion(this);
    }
  }

  /**
   * The parameters of one operation gathered in an object with a builder, for operations with
   * optional parameters or a form to upload: not JSON, but query, header and form fields.
   */
  record RequestDecl(String name, String pointer, Docs docs, List<RequestField> fields)
      implements TypeDecl {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRequest(this);
    }
  }

  /** A field of a request object, and where it goes in the HTTP request. */
  record RequestField(
      String wireName,
      String javaName,
      Source source,
      TypeRef type,
      boolean required,
      Optional<String> defaultValue,
      Docs docs) {

    public enum Source {
      QUERY,
      HEADER,
      /** A text field of a multipart form. */
      FORM,
      /** A file of a multipart form. */
      FILE
    }
  }

  /** A variant of a discriminated union: the tag value and the object type it selects. */
  record Variant(String tag, String javaName, String type) {}

  /**
   * A variant of an untagged union.
   *
   * @param javaName the name of the variant within the union (a wrapper record for non-objects)
   * @param guard what JSON this variant accepts, decided at generation time
   */
  record ShapeVariant(String javaName, TypeRef type, Guard guard) {}
}
