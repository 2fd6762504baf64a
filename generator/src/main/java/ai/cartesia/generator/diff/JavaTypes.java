package ai.cartesia.generator.diff;

import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.TypeRef;
import java.util.Locale;

/** Types as a Java caller reads them in the report: {@code List<Voice>}, {@code byte[]}. */
final class JavaTypes {

  private JavaTypes() {}

  static String of(TypeRef type) {
    return type.accept(new TypeRef.Visitor<String>() {
      @Override
      public String visitPrimitive(TypeRef.Primitive primitive) {
        return switch (primitive.kind()) {
          case STRING -> "String";
          case BOOLEAN -> "boolean";
          case INT32 -> "int";
          case INT64 -> "long";
          case BIG_INTEGER -> "BigInteger";
          case FLOAT -> "float";
          case DOUBLE -> "double";
          case DECIMAL -> "BigDecimal";
          case DATE -> "LocalDate";
          case DATE_TIME -> "OffsetDateTime";
          case UUID -> "UUID";
          case BASE64, BINARY -> "byte[]";
          case ANY -> "JsonNode";
        };
      }

      @Override
      public String visitNamed(TypeRef.Named named) {
        return named.name();
      }

      @Override
      public String visitList(TypeRef.ListOf list) {
        return "List<" + of(list.element()) + ">";
      }

      @Override
      public String visitMap(TypeRef.MapOf map) {
        return "Map<String, " + of(map.value()) + ">";
      }
    });
  }

  /** The type of a field's accessor, as the object emitter writes it. */
  static String accessor(Field field) {
    String type = of(field.type());
    if (field.required() && !field.nullable()) return type;
    String boxed = boxed(type);
    return field.required() || !field.nullable()
        ? "Optional<" + boxed + ">"
        : "OptionalNullable<" + boxed + ">";
  }

  private static String boxed(String type) {
    return switch (type) {
      case "boolean" -> "Boolean";
      case "int" -> "Integer";
      case "long" -> "Long";
      case "float" -> "Float";
      case "double" -> "Double";
      default -> type;
    };
  }

  static String of(Body body) {
    return body.accept(new Body.Visitor<String>() {
      @Override
      public String visitJson(Body.Json json) {
        return of(json.type());
      }

      @Override
      public String visitMultipart(Body.Multipart multipart) {
        return multipart.urlEncoded() ? "url-encoded form" : "multipart form";
      }

      @Override
      public String visitRaw(Body.Raw raw) {
        return "RequestBody (" + raw.contentType() + ")";
      }
    });
  }

  static String of(Response response) {
    return response.accept(new Response.Visitor<String>() {
      @Override
      public String visitEmpty(Response.Empty empty) {
        return "void";
      }

      @Override
      public String visitJson(Response.Json json) {
        return of(json.type());
      }

      @Override
      public String visitBinary(Response.Binary binary) {
        return "BinaryResponse";
      }

      @Override
      public String visitText(Response.Text text) {
        return "String";
      }

      @Override
      public String visitEventStream(Response.EventStream stream) {
        return "EventStream<" + of(stream.eventType()) + "> ("
            + stream.framing().name().toLowerCase(Locale.ROOT) + ")";
      }
    });
  }
}
