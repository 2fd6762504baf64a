package ai.cartesia.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.generator.Fixtures;
import ai.cartesia.generator.Generator;
import ai.cartesia.generator.InMemoryCompiler;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything the generator emits compiles, without a single javac warning under -Xlint:all. */
class GeneratedCodeCompilesTest {

  @TempDir
  Path classes;

  static Stream<String> fixtures() {
    return Fixtures.names();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fixtureCompiles(String fixture) throws Exception {
    var files =
        Generator.generate(Fixtures.spec(fixture), Fixtures.PACKAGE, null).files();
    InMemoryCompiler.Compilation compilation = InMemoryCompiler.compile(files, classes);
    assertThat(compilation.errors()).isEmpty();
    assertThat(compilation.warnings()).isEmpty();
  }

  /** The current Cartesia spec and the previous one: a regeneration in either direction compiles. */
  @ParameterizedTest
  @ValueSource(strings = {"cartesia-2.0.6.yaml", "cartesia-2.0.4.yaml"})
  void theCartesiaSdkCompiles(String spec) throws Exception {
    var files = Generator.generate(Fixtures.CARTESIA_SPEC.resolveSibling(spec), "ai.cartesia", null)
        .files();
    InMemoryCompiler.Compilation compilation = InMemoryCompiler.compile(files, classes);
    assertThat(compilation.errors()).isEmpty();
    assertThat(compilation.warnings()).isEmpty();
  }
}
