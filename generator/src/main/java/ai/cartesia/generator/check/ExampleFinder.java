package ai.cartesia.generator.check;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.read.JsonPointers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the examples a document gives and the generated type each must read into: a schema's
 * {@code example} and {@code examples} (a 3.1 list), a media type's {@code example} and {@code
 * examples} (named examples, inline or through {@code components.examples}), a parameter's, and
 * Swagger 2.0 responses' {@code examples} by media type. Examples of schemas that have no
 * generated type of their own (strings, numbers) are left out: they have nothing to round-trip.
 *
 * <p>It walks the document as written, not the parsed model, so that an example's numbers and
 * strings are exactly the document's.
 */
final class ExampleFinder {

  private static final int MAX_DEPTH = 200;

  private final JsonNode document;
  /** The declarations by the pointer of the schema they were made from. */
  private final Map<String, TypeDecl> byPointer = new HashMap<>();
  /**
   * Where a component that operations refer to (a request body, a response, a parameter) is
   * used, for its inline schemas: the reader names those after the first operation using them.
   */
  private final Map<String, String> firstUse = new LinkedHashMap<>();

  private final List<ExampleRoundTrip.Example> found = new ArrayList<>();

  ExampleFinder(JsonNode document, ApiModel model) {
    this.document = document;
    for (TypeDecl decl : model.types()) byPointer.putIfAbsent(decl.pointer(), decl);
  }

  List<ExampleRoundTrip.Example> find() {
    recordUses(document.path("paths"), "#/paths", 0);
    walkContainer(document, "#", 0);
    return List.copyOf(found);
  }

  /** Notes the first operation that uses each referenced body, response and parameter. */
  private void recordUses(JsonNode node, String pointer, int depth) {
    if (depth > MAX_DEPTH) return;
    if (node.isObject()) {
      String ref = node.path("$ref").asText("");
      if (ref.startsWith("#/components/") && !ref.startsWith("#/components/schemas/"))
        firstUse.putIfAbsent(ref, pointer);
      node.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("example") && !e.getKey().equals("examples"))
          recordUses(e.getValue(), JsonPointers.child(pointer, e.getKey()), depth + 1);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) recordUses(node.get(i), pointer + "/" + i, depth + 1);
    }
  }

  /**
   * Walks everything but the values of examples, looking at each object as a schema, a media
   * type or a parameter by where it stands.
   */
  private void walkContainer(JsonNode node, String pointer, int depth) {
    if (depth > MAX_DEPTH || !node.isObject() && !node.isArray()) return;
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++)
        walkContainer(node.get(i), pointer + "/" + i, depth + 1);
      return;
    }
    if (isSchemaPlace(pointer)) schemaExamples(node, pointer);
    else if (isMediaTypePlace(pointer)) mediaTypeExamples(node, pointer);
    else if (node.has("schema") && (node.has("example") || node.has("examples")))
      mediaTypeExamples(node, pointer); // a parameter, a header, or a Swagger 2.0 response
    node.fields().forEachRemaining(e -> {
      String key = e.getKey();
      // Example values are data, not parts of the document; enum and default values too.
      if (key.equals("example")
          || key.equals("examples")
          || key.equals("enum")
          || key.equals("default")
          || key.equals("const")) return;
      if (key.startsWith("x-")) return;
      walkContainer(e.getValue(), JsonPointers.child(pointer, key), depth + 1);
    });
  }

  private void schemaExamples(JsonNode schema, String pointer) {
    List<Named> examples = new ArrayList<>();
    if (schema.has("example")) examples.add(new Named(pointer + "/example", schema.get("example")));
    JsonNode many = schema.path("examples");
    if (many.isArray()) {
      for (int i = 0; i < many.size(); i++)
        examples.add(new Named(pointer + "/examples/" + i, many.get(i)));
    }
    if (examples.isEmpty()) return;
    Optional<ExampleRoundTrip.Target> target = targetOf(schema, pointer, 0);
    if (target.isEmpty()) return;
    for (Named example : examples) {
      found.add(
          new ExampleRoundTrip.Example(example.pointer(), pointer, target.get(), example.value()));
    }
  }

  private void mediaTypeExamples(JsonNode media, String pointer) {
    JsonNode schema = media.path("schema");
    if (!schema.isObject()) return;
    List<Named> examples = new ArrayList<>();
    if (media.has("example")) examples.add(new Named(pointer + "/example", media.get("example")));
    JsonNode many = media.path("examples");
    boolean swagger2Response = pointer.contains("/responses/") && document.has("swagger");
    many.fields().forEachRemaining(e -> {
      String where = JsonPointers.child(pointer + "/examples", e.getKey());
      if (swagger2Response) {
        // Swagger 2.0: examples by media type, each the value itself.
        if (e.getKey().contains("json")) examples.add(new Named(where, e.getValue()));
        return;
      }
      namedExample(e.getValue(), where).ifPresent(examples::add);
    });
    if (many.isArray()) {
      for (int i = 0; i < many.size(); i++)
        examples.add(new Named(pointer + "/examples/" + i, many.get(i)));
    }
    if (examples.isEmpty()) return;
    Optional<ExampleRoundTrip.Target> target = targetOf(schema, pointer + "/schema", 0);
    if (target.isEmpty()) return;
    for (Named example : examples) {
      found.add(new ExampleRoundTrip.Example(
          example.pointer(), pointer + "/schema", target.get(), example.value()));
    }
  }

  /**
   * An Example Object's value, following {@code $ref}s into {@code components.examples}; none
   * for an {@code externalValue}, which is not in the document.
   */
  private Optional<Named> namedExample(JsonNode example, String pointer) {
    Set<String> seen = new LinkedHashSet<>();
    JsonNode current = example;
    String where = pointer;
    while (current.isObject() && current.has("$ref")) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/") || !seen.add(ref)) return Optional.empty();
      current = document.at(ref.substring(1));
      where = ref;
    }
    if (!current.isObject() || !current.has("value")) return Optional.empty();
    return Optional.of(new Named(where + "/value", current.get("value")));
  }

  /** The generated type a schema reads into, if it has one (or is a list or map of one). */
  private Optional<ExampleRoundTrip.Target> targetOf(JsonNode schema, String pointer, int depth) {
    if (depth > MAX_DEPTH || !schema.isObject()) return Optional.empty();
    String ref = schema.path("$ref").asText(null);
    if (ref != null) {
      if (!ref.startsWith("#/")) return Optional.empty();
      String target = ref.startsWith("#/definitions/")
          ? "#/components/schemas/" + ref.substring("#/definitions/".length())
          : ref;
      TypeDecl decl = byPointer.get(target);
      if (decl != null) return Optional.of(new ExampleRoundTrip.Target.Declared(decl.name()));
      return targetOf(document.at(ref.substring(1)), ref, depth + 1);
    }
    TypeDecl decl = declAt(pointer);
    if (decl != null) return Optional.of(new ExampleRoundTrip.Target.Declared(decl.name()));
    JsonNode allOf = schema.path("allOf");
    if (allOf.isArray() && allOf.size() == 1 && !schema.has("properties"))
      return targetOf(allOf.get(0), pointer + "/allOf/0", depth + 1);
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode variants = schema.path(keyword);
      if (!variants.isArray()) continue;
      List<Integer> nonNull = new ArrayList<>();
      for (int i = 0; i < variants.size(); i++) {
        if (!"null".equals(variants.get(i).path("type").asText(""))) nonNull.add(i);
      }
      if (nonNull.size() == 1) {
        int i = nonNull.get(0);
        return targetOf(variants.get(i), pointer + "/" + keyword + "/" + i, depth + 1);
      }
    }
    if (isType(schema, "array") && schema.has("items")) {
      return targetOf(schema.get("items"), pointer + "/items", depth + 1)
          .map(ExampleRoundTrip.Target.ListOf::new);
    }
    if (schema.path("additionalProperties").isObject() && !schema.has("properties")) {
      return targetOf(
              schema.get("additionalProperties"), pointer + "/additionalProperties", depth + 1)
          .map(ExampleRoundTrip.Target.MapOf::new);
    }
    return Optional.empty();
  }

  /** The declaration made from the schema at a pointer, or at the place an operation uses it. */
  private TypeDecl declAt(String pointer) {
    TypeDecl decl = byPointer.get(pointer);
    if (decl != null) return decl;
    for (var use : firstUse.entrySet()) {
      String component = use.getKey();
      if (pointer.startsWith(component + "/")) {
        decl = byPointer.get(use.getValue() + pointer.substring(component.length()));
        if (decl != null) return decl;
      }
    }
    return null;
  }

  private static boolean isType(JsonNode schema, String type) {
    JsonNode types = schema.path("type");
    if (types.isTextual()) return types.asText().equals(type);
    if (types.isArray()) for (JsonNode t : types) if (t.asText().equals(type)) return true;
    return false;
  }

  /** Whether the object at a pointer is a schema, by the keyword or section it stands under. */
  static boolean isSchemaPlace(String pointer) {
    List<String> tokens = tokens(pointer);
    int n = tokens.size();
    if (n == 0) return false;
    String last = tokens.get(n - 1);
    String parent = n >= 2 ? tokens.get(n - 2) : "";
    if (n == 3 && tokens.get(0).equals("components") && parent.equals("schemas")) return true;
    if (n == 2 && tokens.get(0).equals("definitions")) return true;
    if (last.equals("schema") || last.equals("items") || last.equals("not")) return true;
    if (last.equals("additionalProperties")) return true;
    if (parent.equals("properties") || parent.equals("$defs") || parent.equals("patternProperties"))
      return true;
    if (parent.equals("allOf")
        || parent.equals("oneOf")
        || parent.equals("anyOf")
        || parent.equals("prefixItems")) return true;
    return false;
  }

  /** Whether the object at a pointer is a media type of a {@code content} map. */
  static boolean isMediaTypePlace(String pointer) {
    List<String> tokens = tokens(pointer);
    int n = tokens.size();
    return n >= 2 && tokens.get(n - 2).equals("content");
  }

  private static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.length() <= 2) return tokens;
    for (String token : pointer.substring(2).split("/", -1))
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    return tokens;
  }

  private record Named(String pointer, JsonNode value) {}
}
