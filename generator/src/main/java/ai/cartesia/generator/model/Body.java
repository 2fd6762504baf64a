package ai.cartesia.generator.model;

import java.util.List;

/** A request body. */
public sealed interface Body {

  boolean required();

  record Json(TypeRef type, boolean required, Docs docs) implements Body {}

  /** A {@code multipart/form-data} body: one part per form field. */
  record Multipart(List<Part> parts, boolean required, Docs docs) implements Body {}

  /**
   * A form field.
   *
   * @param file whether the part carries file content rather than text
   */
  record Part(String wireName, String javaName, TypeRef type, boolean required, boolean file, Docs docs) {}
}
