package ai.cartesia.generator.read;

import ai.cartesia.generator.model.TypeRef.Primitive.Kind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one schema says by itself, without following references: its type, its variants, whether it declares a type. */
final class SchemaShapes {

  static final String SCHEMA_REF = "#/components/schemas/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaShapes() {}

  /** Schemas that become Java types of their own; the rest (scalars, lists, maps) are inlined. */
  static boolean isDeclaration(Schema<?> schema) {
    if (schema.get$ref() != null) return false;
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      // Only strings become enum types; numbers and booleans keep their JSON type.
      return type(schema) == null || "string".equals(type(schema));
    }
    if (hasAlternatives(schema)) {
      return nonNullVariants(schema).size() > 1 || schema.getDiscriminator() != null;
    }
    if (schema.getAllOf() != null) {
      return !(schema.getAllOf().size() == 1 && isEmptyObject(schema));
    }
    if (schema.getProperties() != null && !schema.getProperties().isEmpty()) return true;
    return "object".equals(type(schema)) && schema.getAdditionalProperties() == null;
  }

  static boolean isObjectDeclaration(Schema<?> schema) {
    return isDeclaration(schema)
        && (schema.getEnum() == null || schema.getEnum().isEmpty())
        && !hasAlternatives(schema);
  }

  static boolean isEmptyObject(Schema<?> schema) {
    return (schema.getProperties() == null || schema.getProperties().isEmpty())
        && schema.getRequired() == null;
  }

  /** {@code {type: 'null'}}, however the parser recorded it. */
  static boolean isNullSchema(Schema<?> schema) {
    if ("null".equals(schema.getType())) return true;
    return schema.getType() == null
        && schema.getTypes() != null
        && Set.of("null").equals(schema.getTypes());
  }

  static List<Schema<?>> nonNullVariants(Schema<?> schema) {
    return alternatives(schema).stream().filter(v -> !isNullSchema(v)).toList();
  }

  /**
   * The variants of a {@code oneOf} or {@code anyOf}; null when there is none, or when its variants
   * only add constraints to the schema around them ({@code anyOf: [{required: [a]}, {required:
   * [b]}]}), which say nothing of its shape and which Java types cannot express.
   */
  static List<Schema<?>> alternatives(Schema<?> schema) {
    List<Schema<?>> variants =
        castList(schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf());
    if (variants == null
        || variants.isEmpty()
        || variants.stream().allMatch(SchemaShapes::onlyConstrains)) return null;
    return variants;
  }

  static boolean hasAlternatives(Schema<?> schema) {
    return alternatives(schema) != null;
  }

  /** A schema with validation keywords only: no type, reference, properties, items, values or composition. */
  private static boolean onlyConstrains(Schema<?> schema) {
    return schema.get$ref() == null
        && schema.getType() == null
        && (schema.getTypes() == null || schema.getTypes().isEmpty())
        && schema.getProperties() == null
        && schema.getItems() == null
        && schema.getEnum() == null
        && schema.getConst() == null
        && schema.getAdditionalProperties() == null
        && schema.getOneOf() == null
        && schema.getAnyOf() == null
        && schema.getAllOf() == null
        && (schema.getRequired() != null || schema.getNot() != null);
  }

  /** The JSON type, ignoring {@code null} among 3.1's types; null when the schema names none. */
  static String type(Schema<?> schema) {
    if (schema.getType() != null) return schema.getType();
    if (schema.getTypes() != null) {
      return schema.getTypes().stream()
          .filter(t -> !"null".equals(t))
          .findFirst()
          .orElse(null);
    }
    if (schema instanceof ArraySchema) return "array";
    return schema.getConst() == null ? null : jsonType(schema.getConst());
  }

  /** The JSON type of a value the parser read, such as a {@code const}. */
  private static String jsonType(Object value) {
    if (value instanceof String) return "string";
    if (value instanceof Boolean) return "boolean";
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof java.math.BigInteger
        || value instanceof Short) return "integer";
    if (value instanceof Number) return "number";
    return null;
  }

  /** The types of a 3.1 type array other than {@code null}, when it names more than one. */
  static List<String> severalTypes(Schema<?> schema) {
    if (schema.getTypes() == null) return List.of();
    List<String> types =
        schema.getTypes().stream().filter(t -> !"null".equals(t)).sorted().toList();
    return types.size() > 1 ? types : List.of();
  }

  static Kind scalarKind(Schema<?> schema) {
    String type = type(schema);
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    if (type == null) return Kind.ANY;
    return switch (type) {
      case "string" ->
        switch (format) {
          case "byte" -> Kind.BASE64;
          case "binary" -> Kind.BINARY;
          case "date" -> Kind.DATE;
          case "date-time" -> Kind.DATE_TIME;
          default -> Kind.STRING;
        };
      case "integer" ->
        switch (format) {
          case "int32" -> Kind.INT32;
          default -> Kind.INT64;
        };
      case "number" ->
        switch (format) {
          case "float" -> Kind.FLOAT;
          case "decimal" -> Kind.DECIMAL;
          default -> Kind.DOUBLE;
        };
      case "boolean" -> Kind.BOOLEAN;
      default -> Kind.ANY;
    };
  }

  /** The spec's default as JSON text. */
  static Optional<String> defaultOf(Schema<?> schema) {
    Object value = schema.getDefault();
    if (value == null) return Optional.empty();
    try {
      return Optional.of(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      return Optional.of(String.valueOf(value));
    }
  }

  static boolean isJson(String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT);
    String essence = type.split(";", 2)[0].strip();
    return essence.equals("application/json")
        || essence.equals("text/json")
        || essence.equals("application/x-json")
        || essence.equals("text/x-json")
        || essence.matches("application/[^;]*\\+json")
        || essence.equals("*/*");
  }

  /** The component a local schema reference names; null for any other reference. */
  static String simpleRefName(String ref) {
    return ref.startsWith(SCHEMA_REF) ? ref.substring(SCHEMA_REF.length()) : null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Map<String, Schema<?>> castSchemas(Map<String, Schema> map) {
    return (Map) map;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Schema<?>> castList(List<Schema> list) {
    return (List) list;
  }
}
