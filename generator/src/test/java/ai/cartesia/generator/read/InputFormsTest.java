package ai.cartesia.generator.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.InMemoryCompiler;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.TypeDecl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forms a document comes in that the golden fixtures cannot show by themselves: documents
 * past the YAML parser's default size, nesting deep enough to overflow a recursive reader, JSON
 * syntax errors, references between files to schemas that are not components, Swagger 2.0
 * problems.
 */
class InputFormsTest {

  @TempDir
  Path temp;

  @Test
  void aDocumentLargerThanTheYamlParsersDefaultLimitIsRead() throws Exception {
    // SnakeYAML stops at 3 MB code points unless told otherwise; GitHub's description is 13 MB.
    StringBuilder yaml = new StringBuilder("""
        openapi: 3.0.3
        info: {title: Large, version: 1.0.0}
        paths: {}
        components:
          schemas:
        """);
    for (int i = 0; i < 2_000; i++) {
      yaml.append("    Thing")
          .append(i)
          .append(":\n")
          .append("      type: object\n")
          .append("      description: '")
          .append("x".repeat(2_000))
          .append("'\n")
          .append("      properties: {id: {type: string}}\n");
    }
    assertThat(yaml.length()).isGreaterThan(3 * 1024 * 1024);
    Path spec = write("large.yaml", yaml.toString());

    ModelBuilder.Result result = Generator.model(spec, null);

    assertThat(result.model().type("Thing1999")).isPresent();
  }

  @Test
  void deepNestingAndLongChainsOfReferencesNeitherOverflowNorFail() throws Exception {
    StringBuilder yaml = new StringBuilder("""
        openapi: 3.0.3
        info: {title: Deep, version: 1.0.0}
        paths: {}
        components:
          schemas:
            Root:
              type: object
              properties:
                chain: {$ref: '#/components/schemas/Alias0'}
        """);
    // Inline objects nested 60 deep, each a type named from where it is used.
    String indent = "        ";
    for (int depth = 0; depth < 60; depth++) {
      yaml.append(indent).append("child:\n");
      yaml.append(indent).append("  type: object\n");
      yaml.append(indent).append("  properties:\n");
      indent += "    ";
    }
    yaml.append(indent).append("leaf: {type: string}\n");
    // 3000 aliases, each only a reference to the next, ending at a string.
    for (int i = 0; i < 3_000; i++) {
      yaml.append("    Alias")
          .append(i)
          .append(": {$ref: '#/components/schemas/Alias")
          .append(i + 1)
          .append("'}\n");
    }
    yaml.append("    Alias3000: {type: string}\n");
    Path spec = write("deep.yaml", yaml.toString());

    Generator.Output output = Generator.generate(spec, "com.example.deep", null);

    assertThat(output.warnings()).isEmpty();
    TypeDecl.ObjectDecl root = (TypeDecl.ObjectDecl) output.model().type("Root").orElseThrow();
    assertThat(root.fields()).extracting(Field::wireName).containsExactly("chain", "child");
    assertThat(root.fields().get(0).type().toString()).contains("STRING");
    // Names made from 60 levels of "child" would pass the 255 bytes a file name may have.
    assertThat(output.model().types())
        .hasSize(61)
        .allSatisfy(t -> assertThat(t.name()).hasSizeLessThanOrEqualTo(128));
    assertCompiles(output);
  }

  @Test
  void nestingPastTheParsersLimitIsALocatedErrorNotAStackOverflow() throws Exception {
    String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    Path spec = write("too-deep.json", deep);

    assertThatThrownBy(() -> Generator.generate(spec, "com.example.deep", null))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems())
            .singleElement()
            .satisfies(p -> assertThat(p.location()).matches("\\d+:\\d+")));
  }

  @Test
  void aJsonSyntaxErrorNamesItsLineAndColumn() throws Exception {
    Path spec = write("broken.json", """
        {
          "openapi": "3.0.3",
          "info": {"title": "Broken" "version": "1.0.0"},
          "paths": {}
        }
        """);

    assertThatThrownBy(() -> Generator.generate(spec, "com.example.broken", null))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems())
            .singleElement()
            .satisfies(p -> assertThat(p.location()).isEqualTo("3:30")));
  }

  @Test
  void referencesIntoAnotherFilesSchemasPropertiesAndOperationsAreFollowed() throws Exception {
    Path spec = Path.of("src/test/resources/specs/refs-across-files/api.yaml");

    Generator.Output output = Generator.generate(spec, "com.example.across", null);

    assertThat(output.warnings()).isEmpty();
    TypeDecl.ObjectDecl place =
        (TypeDecl.ObjectDecl) output.model().type("Place").orElseThrow();
    assertThat(place.fields())
        .extracting(f -> f.type().toString())
        .allMatch(t -> !t.contains("ANY"));
    assertThat(output.model().resources().get(0).operations().get(0).parameters())
        .extracting(p -> p.wireName())
        .containsExactly("id");
    assertCompiles(output);
  }

  @Test
  void aSwaggerTwoDocumentsProblemsAreReportedAsForOpenApiThree() throws Exception {
    Path spec = write("no-paths.yaml", """
        swagger: '2.0'
        info: {title: No paths, version: 1.0.0}
        definitions:
          Thing: {type: object, properties: {id: {type: string}}}
        """);

    Generator.Output output = Generator.generate(spec, "com.example.two", null);

    assertThat(output.warnings())
        .extracting(SpecProblem::location, SpecProblem::message)
        .contains(org.assertj.core.groups.Tuple.tuple("#/paths", "attribute is missing"));
    assertThat(output.model().type("Thing")).isPresent();
  }

  @Test
  void aDocumentThatIsNeitherOpenApiNorSwaggerIsAnErrorSayingSo() throws Exception {
    Path spec = write("neither.yaml", "info: {title: Neither, version: 1.0.0}\npaths: {}\n");

    assertThatThrownBy(() -> Generator.generate(spec, "com.example.neither", null))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems())
            .extracting(SpecProblem::location)
            .contains("#/openapi"));
  }

  private Path write(String name, String text) throws Exception {
    Path file = temp.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private void assertCompiles(Generator.Output output) throws Exception {
    InMemoryCompiler.Compilation compilation =
        InMemoryCompiler.compile(output.files(), temp.resolve("classes"));
    assertThat(compilation.errors()).isEmpty();
    assertThat(compilation.warnings()).isEmpty();
  }
}
