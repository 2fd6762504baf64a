package ai.cartesia.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.internal.json.Json;
import ai.cartesia.generator.Fixtures;
import ai.cartesia.generator.Generator;
import ai.cartesia.generator.InMemoryCompiler;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.read.JsonPointers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every test vector of every fixture is read into the generated type, written back, and must
 * come out equal as JSON: unknown properties, unknown enum values and unknown variants included.
 */
class TestVectorsRoundTripTest {

  private static final ObjectMapper JSON = Json.mapper();

  /** Numbers are equal when their values are ({@code -1} and {@code -1.0}). */
  private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
    if (a.equals(b)) return 0;
    if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue());
    return 1;
  };

  @TempDir
  Path classes;

  @TestFactory
  Stream<DynamicTest> vectorsRoundTrip() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (String fixture : Fixtures.names().toList()) {
      Generator.Output output = Generator.generate(Fixtures.spec(fixture), Fixtures.PACKAGE, null);
      InMemoryCompiler.Compilation compiled =
          InMemoryCompiler.compile(output.files(), classes.resolve(fixture));
      assertThat(compiled.errors()).as(fixture).isEmpty();
      int i = 0;
      for (Fixtures.TestVector vector : Fixtures.testVectors(fixture)) {
        String name = fixture + " " + vector.schema() + " #" + i++;
        tests.add(DynamicTest.dynamicTest(
            name, () -> check(vector, typeOf(output, vector.schema(), compiled))));
      }
    }
    return tests.stream();
  }

  /**
   * A variant whose tag is optional writes it when built in code (its union needs it to be read
   * back as this variant), and only when read with it otherwise.
   */
  @Test
  void aVariantWithAnOptionalTagWritesItWhenBuiltInCode() throws Exception {
    Generator.Output output =
        Generator.generate(Fixtures.spec("discriminated"), Fixtures.PACKAGE, null);
    ClassLoader loader = InMemoryCompiler.compile(output.files(), classes).classes();
    Class<?> triangle = loader.loadClass(Fixtures.PACKAGE + ".model.Triangle");
    Object builder = triangle.getMethod("builder").invoke(null);
    builder.getClass().getMethod("base", double.class).invoke(builder, 4.0);
    Object built = builder.getClass().getMethod("build").invoke(builder);

    assertThat(JSON.writeValueAsString(built)).isEqualTo("{\"kind\":\"Triangle\",\"base\":4.0}");
    Object read = JSON.readValue("{\"base\":4.0}", triangle);
    assertThat(JSON.writeValueAsString(read)).isEqualTo("{\"base\":4.0}");
    assertThat(read).isEqualTo(built);
    Object rebuilt = triangle.getMethod("toBuilder").invoke(read);
    Object copy = rebuilt.getClass().getMethod("build").invoke(rebuilt);
    assertThat(JSON.writeValueAsString(copy))
        .as("a copy keeps what was read")
        .isEqualTo("{\"base\":4.0}");
    Class<?> shape = loader.loadClass(Fixtures.PACKAGE + ".model.Shape");
    assertThat(JSON.readValue(JSON.writeValueAsString(built), shape)).isEqualTo(built);
  }

  private static Class<?> typeOf(
      Generator.Output output, String schema, InMemoryCompiler.Compilation compiled)
      throws Exception {
    String pointer = JsonPointers.schema(schema);
    TypeDecl decl = output.model().types().stream()
        .filter(t -> t.pointer().equals(pointer))
        .findFirst()
        .orElseThrow();
    return compiled.classes().loadClass(Fixtures.PACKAGE + ".model." + decl.name());
  }

  private static void check(Fixtures.TestVector vector, Class<?> type) throws Exception {
    String text = JSON.writeValueAsString(vector.json());
    if (vector.expectedError() != null) {
      assertThatThrownBy(() -> JSON.readValue(text, type))
          .hasMessageContaining(vector.expectedError());
      return;
    }
    Object value = JSON.readValue(text, type);
    if (vector.expectedClass() != null)
      assertThat(value.getClass().getSimpleName()).isEqualTo(vector.expectedClass());
    String written = JSON.writeValueAsString(value);
    JsonNode back = JSON.readTree(written);
    assertThat(back.equals(SAME_VALUE, JSON.readTree(text)))
        .as("%s wrote %s for %s", type.getSimpleName(), written, text)
        .isTrue();
    Object again = JSON.readValue(written, type);
    assertThat(again).isEqualTo(value).hasSameHashCodeAs(value);
    assertThat(value.toString()).isNotBlank();
  }
}
