package ai.cartesia.generator.model;

import java.util.List;

/** A request body. */
public sealed interface Body {

  boolean required();

  Docs docs();

  /** Calls the visitor's method for this kind of body. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of body: a new kind fails to compile until every visitor handles it. */
  interface Visitor<R> {
    R visitJson(Json json);

    R visitMultipart(Multipart multipart);
  }

  record Json(TypeRef type, boolean required, Docs docs) implements Body {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitJson(this);
    }
  }

  /** A {@code multipart/form-data} body: one part per form field. */
  record Multipart(List<Part> parts, boolean required, Docs docs) implements Body {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitMultipart(this);
    }
  }

  /**
   * A form field.
   *
   * @param file whether the part carries file content rather than text
   */
  record Part(
      String wireName, String javaName, TypeRef type, boolean required, boolean file, Docs docs) {}
}
