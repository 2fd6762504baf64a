package ai.cartesia.generator.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an example against the schema the document gives it, with the networknt validator in
 * the document's dialect (OpenAPI 3.1 for 3.1 documents, the 3.0 dialect for 3.0 and Swagger 2.0
 * ones). It tells an example the document got wrong from one our generated classes get wrong.
 * The part of the document those schemas need is registered under a made-up URI, so each schema is
 * addressed by its JSON pointer and the document's own references resolve inside it; nothing is
 * fetched.
 */
final class SchemaValidator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://corpus.invalid/document.json";

  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new HashMap<>();

  /** A validator of the schemas at {@code pointers} of {@code document}. */
  SchemaValidator(JsonNode document, Collection<String> pointers) {
    Dialect dialect = Dialect.builder(
            document.path("openapi").asText("").startsWith("3.1")
                ? Dialects.getOpenApi31()
                : Dialects.getOpenApi30())
        // Only formats the generated classes read into Java types of their own can make an
        // example fail to come back; an email or a URI is a String either way.
        .formats(formats -> formats.keySet().retainAll(Set.of("date", "date-time")))
        .format(new Base64Format())
        .build();
    String text;
    try {
      text = JSON.writeValueAsString(SchemaSubset.of(document, pointers));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the document does not write as JSON", e);
    }
    this.registry = SchemaRegistry.withDialect(
        dialect,
        builder -> builder
            .schemaLoader(loader -> loader.fetchRemoteResources(false))
            .schemas(Map.of(BASE, text)));
  }

  /** One thing the validator found wrong, at a JSON pointer into the example ("" for all of it). */
  record Problem(String at, String message) {
    String describe() {
      return (at.isEmpty() ? "$" : at) + ": " + message;
    }
  }

  /**
   * What is invalid in {@code value} against the schema at {@code pointer} ({@code
   * #/components/schemas/Pet}); empty when it is valid, or when the validator cannot judge it (an
   * empty answer never excuses a mismatch).
   */
  List<Problem> problems(String pointer, JsonNode value) {
    try {
      Schema schema = schemas.computeIfAbsent(pointer, p -> {
        Schema loaded = registry.getSchema(SchemaLocation.of(BASE + p));
        loaded.initializeValidators();
        return loaded;
      });
      List<Error> errors = schema.validate(
          JSON.writeValueAsString(value),
          InputFormat.JSON,
          context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
      return errors.stream()
          .map(error -> new Problem(error.getInstanceLocation().toString(), error.getMessage()))
          .toList();
    } catch (JsonProcessingException | RuntimeException e) {
      return List.of();
    }
  }

  /** The first problem, described, if there is any. */
  Optional<String> problem(String pointer, JsonNode value) {
    return problems(pointer, value).stream().findFirst().map(Problem::describe);
  }

  /**
   * OpenAPI's {@code byte} format, base64 as RFC 4648 section 4 writes it (padded), which the
   * validator does not check by itself; the generated classes read such strings into {@code
   * byte[]}.
   */
  private static final class Base64Format implements Format {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");

    @Override
    public String getName() {
      return "byte";
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
      return value.length() % 4 == 0 && BASE64.matcher(value).matches();
    }
  }
}
