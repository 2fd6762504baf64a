package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.internal.json.Json;
import ai.cartesia.generator.Generator;
import ai.cartesia.generator.model.TypeDecl;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in the spec is a test vector: read into the generated type, written back, equal
 * as JSON to the original. Each object example is tried once more with a property the SDK does
 * not know, and each tagged union once more with a tag it does not know: both must survive.
 */
class SpecExamplesRoundTripTest {

  private static final ObjectMapper JSON = Json.mapper();
  private static final String SCHEMAS = "#/components/schemas/";

  private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
    if (a.equals(b)) return 0;
    if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue());
    return 1;
  };

  @TestFactory
  Stream<DynamicTest> everyExampleRoundTrips() throws Exception {
    Path spec = Path.of(System.getProperty("cartesia.spec"));
    Map<String, TypeDecl> declsBySchema =
        Generator.generate(spec, "ai.cartesia", null).model().types().stream()
            .collect(Collectors.toMap(TypeDecl::pointer, Function.identity()));
    JsonNode document = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(spec.toFile());

    List<DynamicTest> tests = new ArrayList<>();
    document.path("components").path("schemas").fields().forEachRemaining(schema -> {
      TypeDecl decl = declsBySchema.get(SCHEMAS + schema.getKey());
      if (decl == null) return; // a scalar or list alias: nothing of its own to round-trip
      for (JsonNode example : examplesOf(schema.getValue())) {
        tests.add(test(schema.getKey(), decl, example));
        if (example.isObject() && decl instanceof TypeDecl.ObjectDecl) {
          ObjectNode extended = example.deepCopy();
          extended
              .putObject("a_property_from_the_future")
              .put("kept", true)
              .putArray("as_is")
              .add(1)
              .add("two");
          tests.add(test(schema.getKey() + " + unknown property", decl, extended));
        }
      }
      if (decl instanceof TypeDecl.DiscriminatedUnion union) {
        ObjectNode future = JSON.createObjectNode()
            .put(union.property(), "a_type_from_the_future")
            .put("done", false);
        tests.add(DynamicTest.dynamicTest(schema.getKey() + " unknown variant", () -> {
          Object value = roundTrip(decl, future);
          assertThat(value.getClass().getSimpleName()).isEqualTo("Unknown");
        }));
      }
    });
    document
        .path("paths")
        .fields()
        .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
          String where = operation.getKey().toUpperCase() + " " + path.getKey();
          operation
              .getValue()
              .path("requestBody")
              .path("content")
              .fields()
              .forEachRemaining(media ->
                  mediaExamples(where + " request", media.getValue(), declsBySchema, tests));
          operation
              .getValue()
              .path("responses")
              .fields()
              .forEachRemaining(response -> response
                  .getValue()
                  .path("content")
                  .fields()
                  .forEachRemaining(media -> mediaExamples(
                      where + " " + response.getKey(), media.getValue(), declsBySchema, tests)));
        }));
    assertThat(tests).as("the spec has examples").isNotEmpty();
    return tests.stream();
  }

  private static void mediaExamples(
      String where, JsonNode media, Map<String, TypeDecl> decls, List<DynamicTest> tests) {
    String ref = media.path("schema").path("$ref").asText("");
    TypeDecl decl = decls.get(ref);
    if (decl == null) return;
    for (JsonNode example : examplesOf(media)) tests.add(test(where, decl, example));
  }

  /** {@code example}, and the values of {@code examples} (a map of named examples, or a list). */
  private static List<JsonNode> examplesOf(JsonNode node) {
    List<JsonNode> examples = new ArrayList<>();
    if (node.has("example")) examples.add(node.get("example"));
    JsonNode many = node.path("examples");
    if (many.isArray()) many.forEach(examples::add);
    if (many.isObject())
      many.forEach(named -> examples.add(named.has("value") ? named.get("value") : named));
    return examples;
  }

  private static DynamicTest test(String name, TypeDecl decl, JsonNode example) {
    return DynamicTest.dynamicTest(name, () -> roundTrip(decl, example));
  }

  private static Object roundTrip(TypeDecl decl, JsonNode example) throws Exception {
    Class<?> type = Class.forName("ai.cartesia.model." + decl.name());
    String text = JSON.writeValueAsString(example);
    Object value = JSON.readValue(text, type);
    String written = JSON.writeValueAsString(value);
    assertThat(JSON.readTree(written).equals(SAME_VALUE, JSON.readTree(text)))
        .as("%s wrote %s for %s", decl.name(), written, text)
        .isTrue();
    assertThat(JSON.readValue(written, type)).isEqualTo(value);
    return value;
  }
}
