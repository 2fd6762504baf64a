package ai.cartesia.generator.check;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.generator.Fixtures;
import ai.cartesia.generator.Generator;
import ai.cartesia.generator.InMemoryCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of every fixture spec (schema {@code example} and {@code examples}, media-type
 * {@code example} and {@code examples}, {@code components.examples} through references) reads
 * into the generated, compiled class and writes back equal.
 */
class ExampleRoundTripTest {

  @TempDir
  Path classes;

  @TestFactory
  Stream<DynamicTest> everyFixtureExampleRoundTrips() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (String fixture : Fixtures.names().toList()) {
      Generator.Output output = Generator.generate(Fixtures.spec(fixture), Fixtures.PACKAGE, null);
      InMemoryCompiler.Compilation compiled =
          InMemoryCompiler.compile(output.files(), classes.resolve(fixture));
      assertThat(compiled.errors()).as(fixture).isEmpty();
      List<ExampleRoundTrip.Result> results = ExampleRoundTrip.check(
          ExampleRoundTrip.find(Fixtures.spec(fixture), output.model()),
          compiled.classes(),
          Fixtures.PACKAGE);
      for (ExampleRoundTrip.Result result : results) {
        tests.add(DynamicTest.dynamicTest(
            fixture + " " + result.example().pointer(),
            () -> assertThat(result.outcome())
                .as(result.describe())
                .isEqualTo(ExampleRoundTrip.Outcome.EQUAL)));
      }
    }
    return tests.stream();
  }

  /** The examples fixture gives examples in every place a document can; each one is found. */
  @Test
  void examplesAreFoundInEveryPlace() throws Exception {
    Path spec = Fixtures.spec("examples");
    var model = Generator.model(spec, null).model();
    List<String> pointers = ExampleRoundTrip.find(spec, model).stream()
        .map(ExampleRoundTrip.Example::pointer)
        .toList();
    assertThat(pointers)
        .contains(
            "#/components/schemas/Pet/example",
            "#/components/schemas/Pet/examples/0",
            "#/components/examples/rex/value",
            "#/paths/~1pets/post/requestBody/content/application~1json/examples/unknown/value",
            "#/paths/~1pets/post/responses/201/content/application~1json/example",
            "#/paths/~1pets/get/responses/200/content/application~1json/examples/many/value")
        .doesNotHaveDuplicates();
    assertThat(ExampleRoundTrip.find(spec, model))
        .as("each example names the schema it is given for")
        .extracting(ExampleRoundTrip.Example::pointer, ExampleRoundTrip.Example::schema)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "#/components/schemas/Pet/example", "#/components/schemas/Pet"),
            org.assertj.core.groups.Tuple.tuple(
                "#/paths/~1pets/post/responses/201/content/application~1json/example",
                "#/paths/~1pets/post/responses/201/content/application~1json/schema"));
  }

  /** A difference is reported at the place it is, and a refused example with why. */
  @Test
  void differencesNameTheirPlace() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var expected = mapper.readTree("{\"a\": [1, {\"b\": \"x\"}], \"c\": 2}");
    assertThat(JsonDifference.first(
            expected, mapper.readTree("{\"a\": [1.0, {\"b\": \"x\"}], \"c\": 2}"), ""))
        .isNull();
    assertThat(JsonDifference.first(
            expected, mapper.readTree("{\"a\": [1, {\"b\": \"y\"}], \"c\": 2}"), ""))
        .isEqualTo("/a/1/b: \"x\" written as \"y\"");
    assertThat(JsonDifference.first(expected, mapper.readTree("{\"a\": [1, {\"b\": \"x\"}]}"), ""))
        .isEqualTo("/c: 2 was left out");
  }

  /** A date-time is compared as the OffsetDateTime it reads into: same instant, same offset. */
  @Test
  void dateTimesCompareByValue() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var written = mapper.readTree("\"2006-11-24T00:00:00Z\"");
    assertThat(JsonDifference.first(mapper.readTree("\"2006-11-24T00:00:00.000Z\""), written, ""))
        .isNull();
    assertThat(JsonDifference.first(mapper.readTree("\"2006-11-24T00:00:00+00:00\""), written, ""))
        .isNull();
    assertThat(JsonDifference.first(mapper.readTree("\"2006-11-24T01:00:00+01:00\""), written, ""))
        .as("the same instant at another offset is another OffsetDateTime")
        .isEqualTo("/: \"2006-11-24T01:00:00+01:00\" written as \"2006-11-24T00:00:00Z\"");
    assertThat(JsonDifference.first(mapper.readTree("\"2006-11-24\""), written, ""))
        .isNotNull();
  }
}
