package ai.cartesia.generator.corpus;

import ai.cartesia.generator.Generator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads a document's examples into the classes generated from it and writes them back. The
 * corpus runner counts how many come back equal; the implementation is swappable, so that a
 * fuller reader of examples can replace {@link SchemaExampleRoundTrip}.
 */
interface ExampleRoundTrip {

  /**
   * @param document the document as parsed JSON (YAML read as JSON)
   * @param output what the generator made of it
   * @param classes a loader of the compiled output
   * @param modelPackage the package of the generated models
   */
  Result roundTrip(
      JsonNode document, Generator.Output output, ClassLoader classes, String modelPackage);

  /**
   * @param given how many examples the document gives for generated types
   * @param equal how many of them came back equal
   * @param mismatches a few of the others, each with its pointer, to show why
   */
  record Result(int given, int equal, List<String> mismatches) {}
}
