package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import java.util.List;

/** How a field is stored and offered, from whether it is required and whether it is nullable. */
enum FieldKind {
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

  static FieldKind of(Field field) {
    if (field.constant().isPresent()) return CONSTANT;
    if (field.required()) return field.nullable() ? REQUIRED_NULLABLE : REQUIRED;
    return field.nullable() ? OPTIONAL_NULLABLE : OPTIONAL;
  }

  /** The fields an object stores: all but its constants. */
  static List<Field> stored(ObjectDecl object) {
    return object.fields().stream()
        .filter(f -> FieldKind.of(f) != FieldKind.CONSTANT)
        .toList();
  }
}
