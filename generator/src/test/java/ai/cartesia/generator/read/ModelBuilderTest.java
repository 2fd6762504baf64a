package ai.cartesia.generator.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.InMemoryCompiler;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.TypeDecl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the reader turns the less common shapes of real-world specs into the model. */
class ModelBuilderTest {

  @TempDir
  Path temp;

  @Test
  void everyWayOfSayingNullMakesAFieldNullable() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.1.0
        info: {title: Nulls, version: '1'}
        paths: {}
        components:
          schemas:
            MaybeName:
              type: [string, 'null']
            Pet:
              type: object
              properties:
                plain: {type: string}
                typesList: {type: [integer, 'null']}
                oneOfNull:
                  oneOf:
                    - {$ref: '#/components/schemas/Owner'}
                    - {type: 'null'}
                viaRef: {$ref: '#/components/schemas/MaybeName'}
            Owner:
              type: object
              properties:
                name: {type: string}
        """);

    TypeDecl.ObjectDecl pet = object(output, "Pet");
    assertThat(field(pet, "plain").nullable()).isFalse();
    assertThat(field(pet, "typesList").nullable()).isTrue();
    assertThat(field(pet, "oneOfNull").nullable()).isTrue();
    assertThat(field(pet, "oneOfNull").type().toString()).contains("Owner");
    assertThat(field(pet, "viaRef").nullable()).isTrue();
    assertCompiles(output);
  }

  @Test
  void aDiscriminatorMappingThroughAnAliasAndAVariantItLeavesOutAreBothTagged() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Pets, version: '1'}
        paths: {}
        components:
          schemas:
            Pet:
              oneOf:
                - {$ref: '#/components/schemas/Cat'}
                - {$ref: '#/components/schemas/Dog'}
              discriminator:
                propertyName: kind
                mapping:
                  cat: '#/components/schemas/Kitten'
            Kitten:
              $ref: '#/components/schemas/Cat'
            Cat:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
                lives: {type: integer}
            Dog:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
        """);

    TypeDecl.DiscriminatedUnion pet =
        (TypeDecl.DiscriminatedUnion) output.model().type("Pet").orElseThrow();
    assertThat(pet.variants())
        .extracting(TypeDecl.Variant::tag, TypeDecl.Variant::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cat", "Cat"),
            org.assertj.core.groups.Tuple.tuple("Dog", "Dog"));
    assertCompiles(output);
  }

  @Test
  void composingWithAUnionIsAWarningNotASilentGap() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Mixed, version: '1'}
        paths: {}
        components:
          schemas:
            Either:
              oneOf:
                - {type: string}
                - {type: integer}
            Box:
              allOf:
                - {$ref: '#/components/schemas/Either'}
                - type: object
                  properties:
                    label: {type: string}
        """);

    assertThat(output.warnings()).anySatisfy(warning -> {
      assertThat(warning.location()).isEqualTo("#/components/schemas/Box/allOf/0");
      assertThat(warning.message()).contains("union");
    });
    assertThat(object(output, "Box").fields()).extracting(Field::wireName).containsExactly("label");
    assertCompiles(output);
  }

  @Test
  void parameterReferencesAreFollowedThroughChains() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Refs, version: '1'}
        paths:
          /items:
            get:
              operationId: listItems
              parameters:
                - $ref: '#/components/parameters/Limit'
              responses:
                '204': {description: nothing}
        components:
          parameters:
            Limit:
              $ref: '#/components/parameters/PageSize'
            PageSize:
              name: limit
              in: query
              schema: {type: integer}
        """);

    Operation list = output.model().resources().get(0).operations().get(0);
    assertThat(list.parameters()).extracting(Parameter::wireName).containsExactly("limit");
    assertCompiles(output);
  }

  @Test
  void parameterReferencesThatLoopAreAnErrorAtTheirPointer() throws Exception {
    Path spec = write("""
        openapi: 3.0.3
        info: {title: Loop, version: '1'}
        paths:
          /items:
            get:
              operationId: listItems
              parameters:
                - $ref: '#/components/parameters/A'
              responses:
                '204': {description: nothing}
        components:
          parameters:
            A: {$ref: '#/components/parameters/B'}
            B: {$ref: '#/components/parameters/A'}
        """);

    assertThatThrownBy(() -> Generator.generate(spec, "com.example.loop", null))
        .isInstanceOfSatisfying(
            SpecException.class,
            e -> assertThat(e.problems()).anySatisfy(problem -> {
              assertThat(problem.location()).startsWith("#/paths/~1items/get/parameters");
              assertThat(problem.message()).contains("#/components/parameters/A");
            }));
  }

  @Test
  void aParameterNamedLikeALocalOfTheGeneratedMethodIsRenamed() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Shadows, version: '1'}
        paths:
          /things/{context}/{service}:
            post:
              operationId: makeThing
              parameters:
                - {name: context, in: path, required: true, schema: {type: string}}
                - {name: service, in: path, required: true, schema: {type: string}}
                - {name: answered, in: query, required: true, schema: {type: boolean}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, properties: {name: {type: string}}}
              responses:
                '200':
                  description: events
                  content:
                    text/event-stream:
                      schema: {type: object, properties: {step: {type: integer}}}
          /things:
            get:
              operationId: findThings
              parameters:
                - {name: page, in: query, required: true, schema: {type: integer}}
                - {name: context, in: query, schema: {type: string}}
              responses:
                '204': {description: nothing}
        """);

    Operation make = output.model().resources().get(0).operations().stream()
        .filter(o -> o.operationId().equals("makeThing"))
        .findFirst()
        .orElseThrow();
    assertThat(make.parameters())
        .extracting(Parameter::wireName, Parameter::javaName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("context", "context2"),
            org.assertj.core.groups.Tuple.tuple("service", "service2"),
            org.assertj.core.groups.Tuple.tuple("answered", "answered2"));
    // In a request object nothing is shadowed: its fields keep the names the wire suggests.
    TypeDecl.RequestDecl find = (TypeDecl.RequestDecl) output.model().types().stream()
        .filter(TypeDecl.RequestDecl.class::isInstance)
        .findFirst()
        .orElseThrow();
    assertThat(find.fields())
        .extracting(TypeDecl.RequestField::javaName)
        .containsExactly("page", "context");
    assertCompiles(output);
  }

  @Test
  void anImplicitTagThatClashesWithTheMappingIsAWarningAndTheMappingWins() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Clash, version: '1'}
        paths: {}
        components:
          schemas:
            Shape:
              oneOf:
                - {$ref: '#/components/schemas/Bar'}
                - {$ref: '#/components/schemas/Foo'}
              discriminator:
                propertyName: kind
                mapping:
                  Foo: '#/components/schemas/Bar'
            Bar:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
            Foo:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
        """);

    TypeDecl.DiscriminatedUnion shape =
        (TypeDecl.DiscriminatedUnion) output.model().type("Shape").orElseThrow();
    assertThat(shape.variants())
        .extracting(TypeDecl.Variant::tag, TypeDecl.Variant::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Foo", "Bar"));
    assertThat(output.warnings()).anySatisfy(warning -> {
      assertThat(warning.location()).isEqualTo("#/components/schemas/Shape/discriminator");
      assertThat(warning.message()).contains("Foo");
    });
    assertCompiles(output);
  }

  @Test
  void anAnyOfThatOnlyListsWhichPropertiesAreRequiredLeavesTheObjectAnObject() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.1.0
        info: {title: Refs, version: '1'}
        paths: {}
        components:
          schemas:
            ImageRef:
              type: object
              properties:
                image_url: {type: string}
                file_id: {type: string}
              anyOf:
                - required: [image_url]
                - required: [file_id]
              not:
                required: [image_url, file_id]
        """);

    assertThat(object(output, "ImageRef").fields())
        .extracting(Field::wireName)
        .containsExactly("image_url", "file_id");
    assertCompiles(output);
  }

  @Test
  void unionFactoriesWhoseParametersEraseToTheSameTypeAreNamedAfterTheirVariants()
      throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Inputs, version: '1'}
        paths: {}
        components:
          schemas:
            Input:
              oneOf:
                - {type: string}
                - {type: array, items: {type: string}}
                - {type: array, items: {type: integer}}
        """);

    String source = output.sources().entrySet().stream()
        .filter(e -> e.getKey().endsWith(Path.of("Input.java")))
        .findFirst()
        .orElseThrow()
        .getValue();
    assertThat(source)
        .contains("static Input of(String value)")
        .contains("static Input ofListOfString(List<String> value)")
        .contains("static Input ofListOfInteger(List<Long> value)");
    assertCompiles(output);
  }

  @Test
  void xJavaNameNamesATypeWhoseSchemaNameSplitsBadly() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Names, version: '1'}
        paths: {}
        components:
          schemas:
            TTSSSERequest:
              type: object
              x-java-name: TtsSseRequest
              properties:
                transcript: {type: string}
            Holder:
              type: object
              properties:
                request: {$ref: '#/components/schemas/TTSSSERequest'}
        """);

    assertThat(output.model().type("TtsSseRequest")).isPresent();
    assertThat(field(object(output, "Holder"), "request").type().toString())
        .contains("TtsSseRequest");
    assertCompiles(output);
  }

  @Test
  void aRefInsideAnExtensionOrAnExampleIsDataNotAReference() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Opaque, version: '1'}
        paths:
          /things:
            get:
              operationId: listThings
              x-policy-list: [{$ref: '#/components/x-policies/Nowhere'}]
              responses:
                '200':
                  description: things
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
                      example: {$ref: 'not a reference either'}
        components:
          schemas:
            Thing:
              type: object
              properties:
                name: {type: string}
        """);

    assertThat(output.model().type("Thing")).isPresent();
    assertCompiles(output);
  }

  @Test
  void aPropertyOrHeaderNamedLikeAnExtensionIsStillChecked() throws Exception {
    Path spec = write("""
        openapi: 3.0.3
        info: {title: Names, version: '1'}
        paths:
          /things:
            get:
              responses:
                '204':
                  description: nothing
                  headers:
                    x-request-id: {$ref: '#/components/headers/Nowhere'}
        components:
          schemas:
            Thing:
              type: object
              properties:
                x-trace: {$ref: '#/components/schemas/Nowhere'}
        """);

    assertThatThrownBy(() -> Generator.generate(spec, "com.example.names", null))
        .isInstanceOfSatisfying(
            SpecException.class,
            e -> assertThat(e.problems())
                .extracting(SpecProblem::location)
                .contains(
                    "#/components/schemas/Thing/properties/x-trace",
                    "#/paths/~1things/get/responses/204/headers/x-request-id"));
  }

  @Test
  void aSpecSplitOverFilesIsReadWholeEvenWithOperationsKeptInFilesOfTheirOwn() throws Exception {
    Path spec = Path.of("src/test/resources/specs/multi-file/api.yaml");

    Generator.Output output = Generator.generate(spec, "com.example.multi", null);

    assertThat(output.warnings()).isEmpty();
    Operation list = output.model().resources().get(0).operations().stream()
        .filter(o -> o.operationId().equals("listBooks"))
        .findFirst()
        .orElseThrow();
    assertThat(list.parameters()).extracting(Parameter::wireName).containsExactly("shelf");
    assertThat(field(object(output, "Book"), "author").type().toString()).contains("Author");
    TypeDecl.DiscriminatedUnion added =
        (TypeDecl.DiscriminatedUnion) output.model().type("AddBookRequest").orElseThrow();
    assertThat(added.variants())
        .extracting(TypeDecl.Variant::tag, TypeDecl.Variant::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("book", "Book"),
            org.assertj.core.groups.Tuple.tuple("pamphlet", "Pamphlet"));
    assertCompiles(output);
  }

  @Test
  void anOperationFileThatIsMissingIsAnErrorAtItsReference() throws Exception {
    Path spec = write("""
        openapi: 3.0.3
        info: {title: Missing, version: '1'}
        paths:
          /things:
            get:
              $ref: 'operations/nowhere.yaml'
        """);

    assertThatThrownBy(() -> Generator.generate(spec, "com.example.missing", null))
        .isInstanceOfSatisfying(
            SpecException.class,
            e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
              assertThat(problem.location()).isEqualTo("#/paths/~1things/get/$ref");
              assertThat(problem.message()).contains("operations/nowhere.yaml");
            }));
  }

  @Test
  void aSchemaFileThatIsMissingIsAnErrorNotAStackTrace() throws Exception {
    Path spec = write("""
        openapi: 3.0.3
        info: {title: Missing, version: '1'}
        paths:
          /things:
            get:
              responses:
                '200':
                  description: things
                  content:
                    application/json:
                      schema: {$ref: 'models/nowhere.yaml'}
        """);

    assertThatThrownBy(() -> Generator.generate(spec, "com.example.missing", null))
        .isInstanceOfSatisfying(
            SpecException.class,
            e -> assertThat(e.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("nowhere.yaml")));
  }

  @Test
  void mappingsToTwoFilesOfTheSameNameKeepTheirOwnSchemas() throws Exception {
    Files.createDirectories(temp.resolve("models"));
    Files.createDirectories(temp.resolve("legacy"));
    Files.writeString(
        temp.resolve("models/book.yaml"),
        "type: object\nproperties:\n  kind: {type: string}\n  title: {type: string}\n");
    Files.writeString(
        temp.resolve("legacy/book.yaml"),
        "type: object\nproperties:\n  kind: {type: string}\n  name: {type: string}\n");
    Path spec = temp.resolve("api.yaml");
    Files.writeString(spec, """
        openapi: 3.0.3
        info: {title: Shelf, version: '1'}
        paths:
          /books:
            post:
              operationId: addBook
              requestBody:
                content:
                  application/json:
                    schema:
                      oneOf:
                        - $ref: 'models/book.yaml'
                        - $ref: 'legacy/book.yaml'
                      discriminator:
                        propertyName: kind
                        mapping:
                          new: 'models/book.yaml'
                          old: 'legacy/book.yaml'
              responses: {'204': {description: added}}
        components:
          schemas:
            Shelf:
              oneOf:
                - $ref: '#/components/schemas/com.example.Board'
              discriminator:
                propertyName: kind
                mapping:
                  board: com.example.Board
            com.example.Board:
              type: object
              properties:
                kind: {type: string}
        """);

    Generator.Output output = Generator.generate(spec, "com.example.shelf", null);

    TypeDecl.DiscriminatedUnion added =
        (TypeDecl.DiscriminatedUnion) output.model().type("AddBookRequest").orElseThrow();
    assertThat(added.variants())
        .extracting(TypeDecl.Variant::tag, TypeDecl.Variant::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("new", "Book"),
            org.assertj.core.groups.Tuple.tuple("old", "Book1"));
    assertThat(field(object(output, "Book1"), "name").type().toString()).contains("STRING");
    TypeDecl.DiscriminatedUnion shelf =
        (TypeDecl.DiscriminatedUnion) output.model().type("Shelf").orElseThrow();
    assertThat(shelf.variants()).extracting(TypeDecl.Variant::tag).containsExactly("board");
    assertCompiles(output);
  }

  @Test
  void operationsAndChannelsWithoutAnOperationIdAreNamedByOneRule() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Identity, version: '1'}
        paths:
          /live/stream:
            get:
              tags: [live]
              x-websocket:
                receive: {$ref: '#/components/schemas/Event'}
              responses:
                '101': {description: upgraded}
          /live/status:
            get:
              tags: [live]
              responses:
                '204': {description: nothing}
        components:
          schemas:
            Event:
              type: object
              properties: {kind: {type: string}}
        """);

    Operation status = output.model().resources().get(0).operations().get(0);
    Channel stream = output.model().channels().get(0);
    // The method and path, for both: an operation id, a method name within the resource, a stem for
    // its types.
    assertThat(status.operationId()).isEqualTo("get /live/status");
    assertThat(status.methodName()).isEqualTo("getLiveStatus");
    assertThat(stream.name()).isEqualTo("get /live/stream");
    assertThat(stream.methodName()).isEqualTo("getLiveStream");
    assertThat(stream.javaName()).isEqualTo("GetLiveStream");
    assertThat(stream.path()).isEqualTo("live/stream");
    assertCompiles(output);
  }

  @Test
  void aChannelWhoseReceiveNamesNoSchemaIsAnErrorAtItsPointer() throws Exception {
    Path spec = write("""
        openapi: 3.0.3
        info: {title: Broken, version: '1'}
        paths:
          /live:
            get:
              operationId: live
              x-websocket:
                receive: {description: no reference here}
              responses:
                '101': {description: upgraded}
        """);
    assertThatThrownBy(() -> Generator.generate(spec, "com.example.broken", null))
        .isInstanceOfSatisfying(
            SpecException.class,
            e -> assertThat(e.problems()).anySatisfy(problem -> {
              assertThat(problem.location()).isEqualTo("#/paths/~1live/get/x-websocket/receive");
              assertThat(problem.message()).contains("needs a schema reference");
            }));
  }

  private Generator.Output generate(String yaml) throws Exception {
    return Generator.generate(write(yaml), "com.example.read", null);
  }

  private Path write(String yaml) throws Exception {
    Path spec = Files.createTempFile(temp, "spec", ".yaml");
    Files.writeString(spec, yaml);
    return spec;
  }

  private void assertCompiles(Generator.Output output) throws Exception {
    InMemoryCompiler.Compilation compilation =
        InMemoryCompiler.compile(output.files(), temp.resolve("classes"));
    assertThat(compilation.errors()).isEmpty();
    assertThat(compilation.warnings()).isEmpty();
  }

  private static TypeDecl.ObjectDecl object(Generator.Output output, String name) {
    return (TypeDecl.ObjectDecl) output.model().type(name).orElseThrow();
  }

  private static Field field(TypeDecl.ObjectDecl object, String wireName) {
    return object.fields().stream()
        .filter(f -> f.wireName().equals(wireName))
        .findFirst()
        .orElseThrow();
  }
}
