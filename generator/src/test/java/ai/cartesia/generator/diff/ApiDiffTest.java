package ai.cartesia.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.diff.Change.Action;
import ai.cartesia.generator.diff.SemanticVersion.Bump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small pair of specs per kind of change, and the report on the Cartesia specs. */
class ApiDiffTest {

  @TempDir
  Path dir;

  private static final String PETS_OPERATION = """
      paths:
        /pets/{id}:
          get:
            operationId: getPet
            tags: [pets]
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: the pet
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
      """;

  private ChangeReport diff(String older, String newer) throws Exception {
    return Generator.diff(spec("old.yaml", older), spec("new.yaml", newer));
  }

  private Path spec(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(
        file,
        "openapi: 3.0.3\ninfo: {title: Pets, version: '" + name.replace(".yaml", "") + "'}\n"
            + body);
    return file;
  }

  private static String pet(String properties, String required) {
    return PETS_OPERATION + """
        components:
          schemas:
            Pet:
              type: object
              required: [%s]
              properties:
        %s
        """.formatted(required, properties.indent(8).stripTrailing());
  }

  private static Change only(ChangeReport report) {
    assertThat(report.changes()).hasSize(1);
    return report.changes().get(0);
  }

  @Test
  void nothingChangedCallsForNoBump() throws Exception {
    String spec = pet("name: {type: string}", "name");
    ChangeReport report = diff(spec, spec);
    assertThat(report.changes()).isEmpty();
    assertThat(report.bump()).isEqualTo(Bump.NONE);
  }

  @Test
  void anOptionalFieldAddedIsCompatibleAndCallsForAMinorBump() throws Exception {
    Change change = only(diff(
        pet("name: {type: string}", "name"),
        pet("name: {type: string}\nage: {type: integer}", "name")));
    assertThat(change.action()).isEqualTo(Action.ADDED);
    assertThat(change.java()).isEqualTo("Pet.age()");
    assertThat(change.detail()).contains("returns Optional<Long>");
    assertThat(change.breaking()).isFalse();
    assertThat(diff(
                pet("name: {type: string}", "name"),
                pet("name: {type: string}\nage: {type: integer}", "name"))
            .bump())
        .isEqualTo(Bump.MINOR);
  }

  @Test
  void aRequiredFieldAddedBreaksBuildersAtRunTime() throws Exception {
    Change change = only(diff(
        pet("name: {type: string}", "name"),
        pet("name: {type: string}\nage: {type: integer}", "name, age")));
    assertThat(change.breaksBehaviour()).isTrue();
    assertThat(change.breaksSource()).isFalse();
  }

  @Test
  void aFieldRemovedBreaksSourceAndBinary() throws Exception {
    ChangeReport report = diff(
        pet("name: {type: string}\nage: {type: integer}", "name"),
        pet("name: {type: string}", "name"));
    Change change = only(report);
    assertThat(change.action()).isEqualTo(Action.REMOVED);
    assertThat(change.breaksSource()).isTrue();
    assertThat(change.breaksBinary()).isTrue();
    assertThat(report.bump()).isEqualTo(Bump.MAJOR);
  }

  @Test
  void aFieldWhoseTypeChangedBreaks() throws Exception {
    Change change = only(diff(
        pet("name: {type: string}\nage: {type: integer, format: int32}", "name, age"),
        pet("name: {type: string}\nage: {type: string}", "name, age")));
    assertThat(change.action()).isEqualTo(Action.CHANGED);
    assertThat(change.detail()).isEqualTo("returns: int -> String");
    assertThat(change.breaking()).isTrue();
  }

  @Test
  void requirednessBothWays() throws Exception {
    String both = "name: {type: string}\ntag: {type: string}";
    ChangeReport optional = diff(pet(both, "name, tag"), pet(both, "name"));
    assertThat(only(optional).detail())
        .isEqualTo("returns: String -> Optional<String>; required: true -> false");
    assertThat(only(optional).breaksSource()).isTrue();

    ChangeReport required = diff(pet(both, "name"), pet(both, "name, tag"));
    assertThat(only(required).detail())
        .isEqualTo("returns: Optional<String> -> String; required: false -> true");
    assertThat(only(required).breaking()).isTrue();
  }

  @Test
  void aTypeRenamedIsReportedAsARenameOfTheSameSchema() throws Exception {
    String older = pet("name: {type: string}", "name");
    String newer = older.replace(
        "    Pet:\n      type: object", "    Pet:\n      x-java-name: Animal\n      type: object");
    ChangeReport report = diff(older, newer);
    assertThat(report.changes())
        .filteredOn(c -> c.element().equals("type"))
        .singleElement()
        .satisfies(c -> {
          assertThat(c.action()).isEqualTo(Action.RENAMED);
          assertThat(c.java()).isEqualTo("Animal");
          assertThat(c.detail()).isEqualTo("renamed from Pet");
          assertThat(c.breaking()).isTrue();
        });
  }

  @Test
  void aFieldRemovedAndOneAddedAlikeAreNamedAsAPossibleRename() throws Exception {
    ChangeReport report = diff(
        pet("name: {type: string}\nnick: {type: string}", "name"),
        pet("name: {type: string}\nnickname: {type: string}", "name"));
    assertThat(report.changes())
        .extracting(Change::action)
        .containsExactly(Action.REMOVED, Action.ADDED);
    assertThat(report.possibleRenames())
        .containsExactly(new Rename("field", "Pet.nick()", "Pet.nickname()"));
  }

  @Test
  void enumValuesAddedAreCompatibleAndRemovedAreBreaking() throws Exception {
    String older = PETS_OPERATION.replace(
            "$ref: '#/components/schemas/Pet'", "$ref: '#/components/schemas/Color'")
        + """
        components:
          schemas:
            Color: {type: string, enum: [red, green]}
        """;
    ChangeReport added = diff(older, older.replace("[red, green]", "[red, green, blue]"));
    assertThat(only(added).java()).isEqualTo("Color.BLUE");
    assertThat(only(added).breaking()).isFalse();
    ChangeReport removed = diff(older, older.replace("[red, green]", "[red]"));
    assertThat(only(removed).java()).isEqualTo("Color.GREEN");
    assertThat(only(removed).breaking()).isTrue();
  }

  @Test
  void unionVariantsAddedAreCompatibleAndRemovedAreBreaking() throws Exception {
    String older = PETS_OPERATION.replace(
            "$ref: '#/components/schemas/Pet'", "$ref: '#/components/schemas/Event'")
        + """
        components:
          schemas:
            Event:
              oneOf: [{$ref: '#/components/schemas/Started'}, {$ref: '#/components/schemas/Stopped'}]
              discriminator:
                propertyName: type
                mapping: {started: '#/components/schemas/Started', stopped: '#/components/schemas/Stopped'}
            Started:
              type: object
              required: [type]
              properties: {type: {type: string}}
            Stopped:
              type: object
              required: [type]
              properties: {type: {type: string}}
        """;
    String newer = older
            .replace(
                "{$ref: '#/components/schemas/Stopped'}]",
                "{$ref: '#/components/schemas/Stopped'}, {$ref: '#/components/schemas/Paused'}]")
            .replace(
                "stopped: '#/components/schemas/Stopped'}",
                "stopped: '#/components/schemas/Stopped', paused: '#/components/schemas/Paused'}")
        + """
            Paused:
              type: object
              required: [type]
              properties: {type: {type: string}}
        """;
    ChangeReport added = diff(older, newer);
    assertThat(added.changes())
        .filteredOn(c -> c.element().equals("union variant"))
        .singleElement()
        .satisfies(c -> {
          assertThat(c.java()).isEqualTo("Event \"paused\"");
          assertThat(c.breaking()).isFalse();
        });
    ChangeReport removed = diff(newer, older);
    assertThat(removed.changes())
        .filteredOn(c -> c.element().equals("union variant"))
        .singleElement()
        .satisfies(c -> assertThat(c.breaking()).isTrue());
  }

  @Test
  void operationsAddedAndRemoved() throws Exception {
    String older = pet("name: {type: string}", "name");
    String newer = older.replace("components:", """
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              responses:
                '200':
                  description: all pets
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
        components:""");
    Change added = only(diff(older, newer));
    assertThat(added.element()).isEqualTo("operation");
    assertThat(added.java()).isEqualTo("pets().listPets(...)");
    assertThat(added.detail()).contains("returns List<Pet>");
    assertThat(added.breaking()).isFalse();
    assertThat(only(diff(newer, older)).breaking()).isTrue();
  }

  @Test
  void anOperationWhoseResponseTypeChangedBreaks() throws Exception {
    String older = pet("name: {type: string}", "name");
    String newer = older.replace(
        "schema: {$ref: '#/components/schemas/Pet'}",
        "schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}");
    Change change = only(diff(older, newer));
    assertThat(change.detail()).isEqualTo("returns: Pet -> List<Pet>");
    assertThat(change.breaking()).isTrue();
  }

  @Test
  void channelsAddedRemovedAndChanged() throws Exception {
    String older = pet("name: {type: string}", "name");
    String channel = """
          /pets/live:
            get:
              operationId: watchPets
              tags: [pets]
              x-websocket:
                receive: {$ref: '#/components/schemas/Pet'}
              responses:
                '101': {description: upgraded}
        components:""";
    String newer = older.replace("components:", channel);
    Change added = only(diff(older, newer));
    assertThat(added.element()).isEqualTo("channel");
    assertThat(added.breaking()).isFalse();
    assertThat(only(diff(newer, older)).breaking()).isTrue();

    String binary = newer.replace(
        "receive: {$ref: '#/components/schemas/Pet'}",
        "receive: {$ref: '#/components/schemas/Pet'}\n        binary: true");
    Change changed = only(diff(newer, binary));
    assertThat(changed.detail()).isEqualTo("sends: none -> none and audio");
    assertThat(changed.breaking()).isTrue();
  }

  @Test
  void theCartesiaSpecsFrom204To206CallForAMajorBump() throws Exception {
    Path specs = Path.of(System.getProperty("cartesia.specs", "../spec"));
    ChangeReport report =
        Generator.diff(specs.resolve("cartesia-2.0.4.yaml"), specs.resolve("cartesia-2.0.6.yaml"));

    assertThat(report.bump()).isEqualTo(Bump.MAJOR);
    assertThat(report.breaking())
        .extracting(Change::action, Change::java)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                Action.REMOVED, "GenerationRequest.useOriginalTimestamps()"),
            org.assertj.core.groups.Tuple.tuple(
                Action.REMOVED, "WebSocketTtsRequest.useOriginalTimestamps()"),
            org.assertj.core.groups.Tuple.tuple(
                Action.REMOVED, "WebSocketChunkResponse.flushId()"));
    assertThat(report.compatible())
        .extracting(Change::action, Change::java)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                Action.ADDED, "GenerationRequest.useNormalizedTimestamps()"),
            org.assertj.core.groups.Tuple.tuple(Action.ADDED, "client.stt()"),
            org.assertj.core.groups.Tuple.tuple(Action.ADDED, "stt().websocket(...)"),
            org.assertj.core.groups.Tuple.tuple(Action.ADDED, "stt().transcribe(...)"),
            org.assertj.core.groups.Tuple.tuple(Action.ADDED, "StreamingTranscriptionResponse"),
            org.assertj.core.groups.Tuple.tuple(Action.ADDED, "TtsSseRequest"),
            org.assertj.core.groups.Tuple.tuple(Action.ADDED, "SseOutputFormat"));
    assertThat(report.possibleRenames())
        .contains(new Rename(
            "field",
            "GenerationRequest.useOriginalTimestamps()",
            "GenerationRequest.useNormalizedTimestamps()"));
  }

  @Test
  void versionBumpsBeforeAndAfterOnePointZero() {
    assertThat(SemanticVersion.parse("1.4.2").required(Bump.MAJOR)).isEqualTo(Bump.MAJOR);
    assertThat(SemanticVersion.parse("1.4.2").required(Bump.MINOR)).isEqualTo(Bump.MINOR);
    assertThat(SemanticVersion.parse("0.4.2").required(Bump.MAJOR)).isEqualTo(Bump.MINOR);
    assertThat(SemanticVersion.parse("0.4.2").required(Bump.MINOR)).isEqualTo(Bump.PATCH);
    assertThat(SemanticVersion.parse("2.0.0").bumpFrom(SemanticVersion.parse("1.9.3")))
        .isEqualTo(Bump.MAJOR);
    assertThat(SemanticVersion.parse("1.10.0-SNAPSHOT").bumpFrom(SemanticVersion.parse("1.9.3")))
        .isEqualTo(Bump.MINOR);
    assertThat(SemanticVersion.parse("1.9.4").bumpFrom(SemanticVersion.parse("1.9.3")))
        .isEqualTo(Bump.PATCH);
  }
}
