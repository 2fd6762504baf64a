package ai.cartesia.generator.corpus;

import ai.cartesia.core.internal.json.Json;
import ai.cartesia.generator.Generator;
import ai.cartesia.generator.model.TypeDecl;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first reader of examples, through the runtime's mapper: a schema's own {@code example} and
 * {@code examples}, for every type declared from a schema, and the JSON media-type examples of
 * request bodies and responses whose schema refers to such a type (with {@code
 * components.examples} they refer to). Examples of inline schemas and of single properties are
 * left to its successor.
 */
final class SchemaExampleRoundTrip implements ExampleRoundTrip {

  private static final int SHOWN = 3;
  private static final ObjectMapper JSON = Json.mapper();
  /** 1 and 1.0 are the same JSON number. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue());
    return a.equals(b) ? 0 : 1;
  };

  @Override
  public Result roundTrip(
      JsonNode document, Generator.Output output, ClassLoader classes, String modelPackage) {
    int given = 0;
    int equal = 0;
    List<String> mismatches = new ArrayList<>();
    Map<String, String> classByPointer = new HashMap<>();
    List<Example> all = new ArrayList<>();
    for (TypeDecl type : output.model().types()) {
      if (type instanceof TypeDecl.RequestDecl) continue; // gathers parameters, not a schema
      classByPointer.put(type.pointer(), modelPackage + "." + type.name());
      JsonNode schema = schemaAt(document, type.pointer());
      if (schema == null) continue;
      for (JsonNode example : examples(schema))
        all.add(new Example(type.pointer(), type.pointer(), example));
    }
    all.addAll(mediaTypeExamples(document));
    for (Example example : all) {
      String className = classByPointer.get(example.schema());
      if (className == null) continue;
      given++;
      String problem = roundTrip(example.value(), classes, className);
      if (problem == null) equal++;
      else if (mismatches.size() < SHOWN) mismatches.add(example.where() + ": " + problem);
    }
    return new Result(given, equal, mismatches);
  }

  /** An example, where the document gives it, and the pointer of the schema it is an example of. */
  private record Example(String where, String schema, JsonNode value) {}

  /** Examples of JSON request bodies and responses whose schema is a reference. */
  private static List<Example> mediaTypeExamples(JsonNode document) {
    List<Example> found = new ArrayList<>();
    JsonNode paths = document.path("paths");
    for (var path : paths.properties()) {
      for (var operation : path.getValue().properties()) {
        if (!operation.getValue().isObject()) continue;
        String at = "#/paths/" + escape(path.getKey()) + "/" + operation.getKey();
        JsonNode body = follow(document, operation.getValue().path("requestBody"));
        contentExamples(document, body, at + "/requestBody", found);
        for (var response : operation.getValue().path("responses").properties()) {
          contentExamples(
              document,
              follow(document, response.getValue()),
              at + "/responses/" + response.getKey(),
              found);
        }
      }
    }
    return found;
  }

  private static void contentExamples(
      JsonNode document, JsonNode holder, String at, List<Example> found) {
    for (var media : holder.path("content").properties()) {
      if (!media.getKey().contains("json")) continue;
      JsonNode schemaRef = media.getValue().path("schema").path("$ref");
      if (!schemaRef.isTextual()) continue;
      String where = at + "/content/" + escape(media.getKey());
      if (media.getValue().has("example")) {
        found.add(
            new Example(where + "/example", schemaRef.asText(), media.getValue().get("example")));
      }
      for (var named : media.getValue().path("examples").properties()) {
        JsonNode example = follow(document, named.getValue());
        if (example.has("value")) {
          found.add(new Example(
              where + "/examples/" + escape(named.getKey()),
              schemaRef.asText(),
              example.get("value")));
        }
      }
    }
  }

  /** The node a local {@code $ref} names, or the node itself. */
  private static JsonNode follow(JsonNode document, JsonNode node) {
    for (int hops = 0; hops < 8 && node.path("$ref").isTextual(); hops++) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) return node;
      node = document.at(JsonPointer.compile(ref.substring(1)));
    }
    return node;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String roundTrip(JsonNode example, ClassLoader classes, String className) {
    try {
      Class<?> type = classes.loadClass(className);
      Object value = JSON.treeToValue(example, type);
      JsonNode written = JSON.valueToTree(value);
      return example.equals(NUMBERS_BY_VALUE, written)
          ? null
          : "wrote " + abbreviate(written) + " for " + abbreviate(example);
    } catch (Exception | LinkageError e) {
      return "reading " + abbreviate(example) + ": " + abbreviate(String.valueOf(e.getMessage()));
    }
  }

  /** The schema a pointer names; a converted Swagger 2.0 document's components are its definitions. */
  private static JsonNode schemaAt(JsonNode document, String pointer) {
    if (!pointer.startsWith("#/")) return null;
    JsonNode found = document.at(JsonPointer.compile(pointer.substring(1)));
    if (found.isMissingNode() && pointer.startsWith("#/components/schemas/")) {
      found = document.at(JsonPointer.compile(
          "/definitions/" + pointer.substring("#/components/schemas/".length())));
    }
    return found.isObject() ? found : null;
  }

  private static List<JsonNode> examples(JsonNode schema) {
    List<JsonNode> examples = new ArrayList<>();
    if (schema.has("example")) examples.add(schema.get("example"));
    JsonNode many = schema.get("examples");
    if (many != null && many.isArray()) many.forEach(examples::add);
    return examples;
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
