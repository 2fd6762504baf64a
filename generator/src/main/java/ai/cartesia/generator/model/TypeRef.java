package ai.cartesia.generator.model;

/** A reference to a type as a field, parameter or body uses it. */
public sealed interface TypeRef {

  /** Calls the visitor's method for this kind of reference. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of reference: a new kind fails to compile until every visitor handles
   * it.
   */
  interface Visitor<R> {
    R visitPrimitive(Primitive primitive);

    R visitNamed(Named named);

    R visitList(ListOf list);

    R visitMap(MapOf map);
  }

  /** A JSON scalar (or an opaque value) with the Java type it maps to. */
  record Primitive(Kind kind) implements TypeRef {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitPrimitive(this);
    }

    public enum Kind {
      STRING,
      BOOLEAN,
      INT32,
      INT64,
      /** An integer of no declared size: kept exact. */
      BIG_INTEGER,
      FLOAT,
      DOUBLE,
      /** A decimal number that must not lose precision. */
      DECIMAL,
      DATE,
      DATE_TIME,
      UUID,
      /** A base64 string on the wire ({@code format: byte}), bytes in Java. */
      BASE64,
      /** Raw bytes of a file upload or a binary response ({@code format: binary}). */
      BINARY,
      /** Any JSON value. */
      ANY
    }
  }

  /** A type declared in the model, by its Java name. */
  record Named(String name) implements TypeRef {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNamed(this);
    }
  }

  record ListOf(TypeRef element) implements TypeRef {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitList(this);
    }
  }

  /** A JSON object used as a map from string keys to values. */
  record MapOf(TypeRef value) implements TypeRef {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitMap(this);
    }
  }

  static TypeRef primitive(Primitive.Kind kind) {
    return new Primitive(kind);
  }
}
