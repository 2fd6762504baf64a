package ai.cartesia.generator.check;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.read.SpecReader;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads every example a document gives into the generated class of its schema and writes it
 * back: the example must come back equal as JSON (numbers by value), and reading what was written
 * must give an equal object. The generator's tests run it over the fixture specs, and the corpus
 * run over public documents.
 *
 * <pre>{@code
 * Generator.Output output = Generator.generate(spec, rootPackage, null);
 * ClassLoader classes = ...; // the compiled output, sdk-core and Jackson (this class's Jackson)
 * List<ExampleRoundTrip.Result> results = ExampleRoundTrip.check(
 *     ExampleRoundTrip.find(spec, output.model()), classes, rootPackage);
 * }</pre>
 */
public final class ExampleRoundTrip {

  private static final String RUNTIME_JSON = "ai.cartesia.core.internal.json.Json";

  private ExampleRoundTrip() {}

  /** The generated type an example reads into. */
  public sealed interface Target {
    /** A type of the model, by its Java simple name (in the model package). */
    record Declared(String name) implements Target {}

    /** A JSON array of {@code element}. */
    record ListOf(Target element) implements Target {}

    /** A JSON object whose values are {@code value}. */
    record MapOf(Target value) implements Target {}
  }

  /**
   * One example of the document.
   *
   * @param pointer where the example's value is in the document, as a JSON pointer ({@code
   *     #/components/schemas/Pet/example}; for a named example through a reference, the pointer
   *     of the referenced value)
   * @param schema the JSON pointer of the schema the example is given for (the schema holding a
   *     schema example, the {@code schema} of a media type or parameter)
   */
  public record Example(String pointer, String schema, Target target, JsonNode json) {}

  public enum Outcome {
    /** Read, written back equal, and read again into an equal object. */
    EQUAL,
    /** Read, but written back different: {@code detail} names the first place that differs. */
    DIFFERENT,
    /** The generated class refused it (or its class is missing): {@code detail} says why. */
    UNREADABLE
  }

  /** What became of one example; {@code detail} is empty when it came back equal. */
  public record Result(Example example, Outcome outcome, String detail) {
    public boolean equal() {
      return outcome == Outcome.EQUAL;
    }

    /** One line: the pointer, the outcome and the detail. */
    public String describe() {
      return example.pointer() + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT)
          + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  /** Reads a spec file as written, numbers kept exact, for {@link #find(JsonNode, ApiModel)}. */
  public static JsonNode readDocument(Path spec) throws IOException {
    return SpecReader.readTreeExactly(spec);
  }

  /** The examples of a spec file, each with the type of the model it reads into. */
  public static List<Example> find(Path spec, ApiModel model) throws IOException {
    return find(readDocument(spec), model);
  }

  /**
   * The examples of a document, in document order, each with the type of {@code model} (the
   * document's model) it reads into. Examples of schemas without a generated type are left out.
   */
  public static List<Example> find(JsonNode document, ApiModel model) {
    return new ExampleFinder(document, model).find();
  }

  /**
   * Round-trips each example through the classes generated under {@code rootPackage}, with the
   * SDK's own JSON configuration, loaded from {@code classes}.
   */
  public static List<Result> check(
      List<Example> examples, ClassLoader classes, String rootPackage) {
    return check(examples, classes, rootPackage, runtimeMapper(classes));
  }

  /** Round-trips each example with the given mapper. */
  public static List<Result> check(
      List<Example> examples, ClassLoader classes, String rootPackage, ObjectMapper mapper) {
    List<Result> results = new ArrayList<>();
    for (Example example : examples) results.add(check(example, classes, rootPackage, mapper));
    return List.copyOf(results);
  }

  /**
   * The SDK's mapper ({@code Json.mapper()} of sdk-core) as {@code classes} sees it; {@code
   * classes} must share this class's Jackson, as a loader delegating to this one's does.
   */
  public static ObjectMapper runtimeMapper(ClassLoader classes) {
    try {
      Object mapper =
          Class.forName(RUNTIME_JSON, true, classes).getMethod("mapper").invoke(null);
      return (ObjectMapper) mapper;
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalArgumentException(
          "the class loader does not offer sdk-core's " + RUNTIME_JSON + ".mapper()", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("sdk-core's JSON configuration failed", e.getCause());
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "the class loader's Jackson is not the generator's; let it delegate to the generator's loader",
          e);
    }
  }

  private static Result check(
      Example example, ClassLoader classes, String rootPackage, ObjectMapper mapper) {
    JavaType type;
    try {
      type = javaType(example.target(), classes, rootPackage + ".model", mapper);
    } catch (ClassNotFoundException e) {
      return new Result(example, Outcome.UNREADABLE, "no generated class " + e.getMessage());
    }
    Object value;
    String written;
    try {
      value = mapper.readValue(mapper.writeValueAsString(example.json()), type);
      written = mapper.writeValueAsString(value);
    } catch (IOException | RuntimeException e) {
      return new Result(example, Outcome.UNREADABLE, oneLine(e));
    }
    try {
      JsonNode back = mapper.readTree(written);
      String difference = JsonDifference.first(example.json(), back, "");
      if (difference != null) return new Result(example, Outcome.DIFFERENT, difference);
      Object again = mapper.readValue(written, type);
      if (!Objects.equals(value, again) || Objects.hashCode(value) != Objects.hashCode(again)) {
        return new Result(
            example, Outcome.DIFFERENT, "what was written reads into an unequal object");
      }
    } catch (IOException | RuntimeException e) {
      return new Result(
          example, Outcome.DIFFERENT, "what was written does not read: " + oneLine(e));
    }
    return new Result(example, Outcome.EQUAL, "");
  }

  private static JavaType javaType(
      Target target, ClassLoader classes, String modelPackage, ObjectMapper mapper)
      throws ClassNotFoundException {
    var factory = mapper.getTypeFactory();
    if (target instanceof Target.Declared declared) {
      return factory.constructType(
          Class.forName(modelPackage + "." + declared.name(), false, classes));
    }
    if (target instanceof Target.ListOf list) {
      return factory.constructCollectionType(
          List.class, javaType(list.element(), classes, modelPackage, mapper));
    }
    Target.MapOf map = (Target.MapOf) target;
    return factory.constructMapType(
        Map.class,
        factory.constructType(String.class),
        javaType(map.value(), classes, modelPackage, mapper));
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // Jackson appends the source and the reference chain on lines of their own.
    return message.lines().findFirst().orElse("").strip();
  }
}
