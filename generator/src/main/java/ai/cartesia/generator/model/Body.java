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

    R visitRaw(Raw raw);
  }

  record Json(TypeRef type, boolean required, Docs docs) implements Body {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitJson(this);
    }
  }

  /**
   * A form: one part per form field, sent as {@code multipart/form-data}, or as {@code
   * application/x-www-form-urlencoded} when {@code urlEncoded} (where every field is text).
   */
  record Multipart(List<Part> parts, boolean required, Docs docs, boolean urlEncoded)
      implements Body {
    /** A {@code multipart/form-data} body. */
    public Multipart(List<Part> parts, boolean required, Docs docs) {
      this(parts, required, docs, false);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitMultipart(this);
    }
  }

  /**
   * A body of a media type that is neither JSON nor a form ({@code application/octet-stream},
   * {@code text/plain}, {@code application/xml}, ...): the caller gives the bytes and their type.
   */
  record Raw(String contentType, boolean required, Docs docs) implements Body {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRaw(this);
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
