package ai.cartesia.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON values against schemas of one API document, with the OpenAPI 3.0 dialect of the
 * networknt validator ({@code nullable}, {@code discriminator}, draft-4 keywords). The whole
 * document is registered under a made-up URI, so a schema is addressed by its JSON pointer
 * inside the document and every {@code #/components/...} reference resolves within it.
 */
final class ExampleValidator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  ExampleValidator(String file) {
    this.base = "https://spec.cartesia.test/" + file.replace(".yaml", ".json");
    String document;
    try {
      document = JSON.writeValueAsString(SpecDocuments.tree(file));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    this.registry = SchemaRegistry.withDialect(
        Dialects.getOpenApi30(), builder -> builder.schemas(Map.of(base, document)));
  }

  /** The problems of {@code value} against the schema at {@code pointer} (such as {@code /components/schemas/Voice}). */
  List<Error> validate(String pointer, JsonNode value) {
    Schema schema = schemas.computeIfAbsent(pointer, p -> {
      Schema loaded = registry.getSchema(SchemaLocation.of(base + "#" + p));
      loaded.initializeValidators();
      return loaded;
    });
    try {
      return schema.validate(
          JSON.writeValueAsString(value),
          InputFormat.JSON,
          context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Error> validate(String pointer, String json) {
    try {
      return validate(pointer, JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  static String schema(String name) {
    return "/components/schemas/" + name;
  }
}
