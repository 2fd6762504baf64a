package ai.cartesia.generator.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.generator.Fixtures;
import ai.cartesia.generator.Generator;
import ai.cartesia.generator.read.SpecProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCheckTest {

  private static final Path OPERATIONS = Fixtures.ROOT.resolve("operations.yaml");
  private static final Path ITEM = Path.of("com/example/golden/model/Item.java");
  private static final Path ITEMS_CLIENT = Path.of("com/example/golden/ItemsClient.java");

  @TempDir
  Path temp;

  @Test
  void generatedCodeThatCompilesHasNoProblems() throws Exception {
    Generator.Output output = Generator.generate(OPERATIONS, Fixtures.PACKAGE, null);

    assertThat(CompileCheck.check(output, Fixtures.PACKAGE, CompileCheck.currentClassPath()))
        .isEmpty();
  }

  @Test
  void anErrorInAModelIsReportedAtItsSchema() throws Exception {
    Generator.Output output = broken(ITEM, "public String id() {", "int broken = \"text\";");

    List<SpecProblem> problems =
        CompileCheck.check(output, Fixtures.PACKAGE, CompileCheck.currentClassPath());

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.severity()).isEqualTo(SpecProblem.Severity.ERROR);
      assertThat(problem.location()).isEqualTo("#/components/schemas/Item");
      assertThat(problem.message())
          .startsWith("the generated com/example/golden/model/Item.java:")
          .contains("does not compile: incompatible types");
    });
  }

  @Test
  void anErrorInAClientMethodIsReportedAtItsOperation() throws Exception {
    Generator.Output output =
        broken(ITEMS_CLIENT, "public Item create(Item body) {", "undefinedHelper();");

    List<SpecProblem> problems =
        CompileCheck.check(output, Fixtures.PACKAGE, CompileCheck.currentClassPath());

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.location()).isEqualTo("#/paths/~1items~1/post");
      assertThat(problem.message()).contains("ItemsClient.java:", "cannot find symbol");
    });
  }

  @Test
  void compiledClassesCanBeWrittenToo() throws Exception {
    Generator.Output output = Generator.generate(OPERATIONS, Fixtures.PACKAGE, null);
    Path classes = temp.resolve("classes");

    assertThat(CompileCheck.check(
            output,
            Fixtures.PACKAGE,
            CompileCheck.currentClassPath(),
            java.util.Optional.of(classes)))
        .isEmpty();
    assertThat(classes.resolve("com/example/golden/model/Item.class")).exists();
  }

  @Test
  void aClassPathWithoutTheRuntimeIsRefusedWithAnActionableMessage() throws Exception {
    Generator.Output output = Generator.generate(OPERATIONS, Fixtures.PACKAGE, null);

    assertThatThrownBy(() -> CompileCheck.check(output, Fixtures.PACKAGE, temp.toString()))
        .isInstanceOf(CompileCheck.Unavailable.class)
        .hasMessageContaining("cartesia-java-core")
        .hasMessageContaining("--classpath");
  }

  /** The fixture's output with a statement that cannot compile put at the start of a method. */
  private static Generator.Output broken(Path file, String method, String statement)
      throws Exception {
    Generator.Output output = Generator.generate(OPERATIONS, Fixtures.PACKAGE, null);
    String text = output.sources().get(file);
    assertThat(text).as(file.toString()).contains(method);
    SortedMap<Path, String> sources = new TreeMap<>(output.sources());
    sources.put(file, text.replace(method, method + "\n    " + statement));
    return new Generator.Output(output.model(), output.files(), sources, output.warnings());
  }
}
