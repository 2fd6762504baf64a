package ai.cartesia.generator.corpus;

import static ai.cartesia.generator.check.ExampleRoundTrip.Outcome.DIFFERENT;
import static ai.cartesia.generator.check.ExampleRoundTrip.Outcome.UNREADABLE;
import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.generator.check.ExampleRoundTrip;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus's judge of examples: what it calls invalid is invalid by the document's schema. */
class SchemaValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DOCUMENT = """
      openapi: 3.0.3
      info: {title: Pets, version: '1'}
      paths:
        /pets/{id}:
          get:
            responses:
              '200':
                description: one pet
                content:
                  application/json:
                    schema:
                      type: array
                      items: {$ref: '#/paths/~1pets~1%7Bid%7D/get/responses/201/content/application~1json/schema'}
              '201':
                description: made
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
      components:
        schemas:
          Pet:
            description: A pet, with a long description the validator does not need.
            type: object
            required: [name, kind]
            properties:
              name: {type: string, example: Rex}
              description: {type: string, nullable: true}
              photo: {type: string, format: byte}
              kind: {$ref: '#/components/schemas/Kind'}
            example: {name: Rex, kind: dog}
          Kind:
            type: string
            enum: [dog, cat]
      """;

  private static JsonNode document() throws Exception {
    return new YAMLMapper().readTree(DOCUMENT);
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void judgesAnExampleByItsSchemaAndTheSchemasItReferences() throws Exception {
    String list = "#/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema";
    SchemaValidator validator = new SchemaValidator(document(), List.of(list));

    assertThat(validator.problem(list, json("[{\"name\": \"Rex\", \"kind\": \"dog\"}]")))
        .isEmpty();
    assertThat(validator.problem(list, json("[{\"name\": \"Rex\", \"kind\": \"cow\"}]")))
        .hasValueSatisfying(problem -> assertThat(problem).startsWith("/0/kind:"));
    assertThat(validator.problem(list, json("[{\"name\": \"Rex\"}]")))
        .hasValueSatisfying(problem -> assertThat(problem).contains("kind"));
    assertThat(validator.problem(list, json("{\"name\": \"Rex\", \"kind\": \"dog\"}")))
        .as("an object where the schema wants a list")
        .isPresent();
  }

  @Test
  void aByteStringMustBePaddedBase64() throws Exception {
    String pet = "#/components/schemas/Pet";
    SchemaValidator validator = new SchemaValidator(document(), List.of(pet));

    assertThat(validator.problem(
            pet, json("{\"name\": \"a\", \"kind\": \"cat\", \"photo\": \"AAE=\"}")))
        .isEmpty();
    assertThat(validator.problem(
            pet, json("{\"name\": \"a\", \"kind\": \"cat\", \"photo\": \"1.17\"}")))
        .hasValueSatisfying(problem -> assertThat(problem).startsWith("/photo:"));
    assertThat(validator.problem(
            pet, json("{\"name\": \"a\", \"kind\": \"cat\", \"photo\": \"7b2\"}")))
        .isPresent();
  }

  /** Only the example's own invalidity, where it is, excuses a result that is not equal. */
  @Test
  void anInvalidExampleExcusesOnlyWhatItsInvalidityExplains() throws Exception {
    String pet = "#/components/schemas/Pet";
    SchemaValidator validator = new SchemaValidator(document(), List.of(pet));
    JsonNode wrongKind = json("{\"name\": \"Rex\", \"kind\": \"cow\"}");
    ExampleRoundTrip.Example example = new ExampleRoundTrip.Example(
        "#/components/schemas/Pet/example",
        pet,
        new ExampleRoundTrip.Target.Declared("Pet"),
        wrongKind);

    assertThat(CorpusRunner.excuse(
            result(example, DIFFERENT, "/kind: \"cow\" written as \"dog\""), validator))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("/kind:"));
    assertThat(CorpusRunner.excuse(
            result(example, DIFFERENT, "/name: \"Rex\" written as \"R\""), validator))
        .as("a difference elsewhere than the invalid place is the generator's")
        .isEmpty();
    assertThat(
            CorpusRunner.excuse(result(example, UNREADABLE, "Cannot deserialize Kind"), validator))
        .isPresent();
    assertThat(CorpusRunner.excuse(
            result(example, DIFFERENT, "what was written reads into an unequal object"), validator))
        .isEmpty();
    assertThat(
            CorpusRunner.excuse(result(example, UNREADABLE, "no generated class Pet"), validator))
        .isEmpty();
  }

  private static ExampleRoundTrip.Result result(
      ExampleRoundTrip.Example example, ExampleRoundTrip.Outcome outcome, String detail) {
    return new ExampleRoundTrip.Result(example, outcome, detail);
  }

  @Test
  void aSchemaItCannotFindIsNotJudged() throws Exception {
    SchemaValidator validator =
        new SchemaValidator(document(), List.of("#/components/schemas/Missing"));

    assertThat(validator.problem("#/components/schemas/Missing", json("1"))).isEmpty();
  }

  @Test
  void theSubsetKeepsSchemasAndTheirReferencesButNotProse() throws Exception {
    JsonNode subset = SchemaSubset.of(
        document(),
        List.of("#/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema"));

    JsonNode pet = subset.at("/components/schemas/Pet");
    assertThat(pet.has("description")).as("prose left out").isFalse();
    assertThat(pet.has("example")).isFalse();
    assertThat(pet.at("/properties/description/type").asText())
        .as("a property named like a prose keyword is kept")
        .isEqualTo("string");
    assertThat(subset.at("/components/schemas/Kind/enum")).hasSize(2);
    assertThat(subset
            .at("/paths/~1pets~1{id}/get/responses/201/content/application~1json/schema/$ref")
            .asText())
        .as("reached through a percent-encoded reference")
        .isEqualTo("#/components/schemas/Pet");
    assertThat(subset.has("info")).isFalse();
  }
}
