package ai.cartesia.core.internal.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjIntConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;

/**
 * Decodes one object type by reading its tokens straight into its builder, through setters
 * handed over as method references: no reflection, no boxing, none of the data binding's
 * per-property machinery, which is where the time of a small streamed message goes.
 *
 * <p>It takes only the plain case: each property a token of exactly its type (a string for a
 * string, a JSON number without a fraction for an integer, and so on), every unknown property
 * kept as a tree. Anything else (a null, a coercion such as a number in a string, a missing
 * required field, malformed JSON) gives up and the whole text goes to the data binding it stands
 * in for, so the two always give the same value or the same error.
 *
 * <p>A type whose properties are all flat (or nested objects, alone or in arrays, whose own
 * properties are) is first read without a parser at all, by {@link FlatScan}, which gives up to
 * the token reader on anything but the plainest text.
 *
 * @param <B> the builder
 * @param <T> the type built
 */
public final class TokenDecoder<B, T> implements TextDecoder<T> {

  /** Thrown to give up; without a stack trace, since it is not an error. */
  private static final class GiveUp extends IOException {
    private static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super("not the plain case", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /** Reads the value of one property (the parser is on its first token) into the builder. */
  @FunctionalInterface
  private interface Property<B> {
    void read(JsonParser parser, B builder) throws IOException;
  }

  /** A setter of a {@code boolean} property. */
  @FunctionalInterface
  public interface FlagSetter<B> {
    void set(B builder, boolean value);
  }

  /** The setter of properties the type does not model. */
  @FunctionalInterface
  public interface AdditionalSetter<B> {
    void put(B builder, String name, JsonNode value);
  }

  private final ObjectMapper mapper;
  private final JsonFactory factory;
  private final TextDecoder<T> binding;
  private final Supplier<B> newBuilder;
  private final Function<B, T> build;
  private final AdditionalSetter<B> additional;
  private final Map<String, Property<B>> properties;
  /** The parser-free reader, or null when a property nests. */
  private final FlatScan<B> flat;

  private TokenDecoder(Builder<B, T> builder) {
    this.mapper = builder.mapper;
    this.factory = builder.mapper.getFactory();
    this.binding = builder.binding;
    this.newBuilder = builder.newBuilder;
    this.build = builder.build;
    this.additional = builder.additional;
    this.properties = new HashMap<>(builder.properties);
    this.flat =
        builder.flat ? new FlatScan<>(builder.mapper, builder.slots, builder.additional) : null;
  }

  /**
   * Starts a decoder of {@code type}.
   *
   * @param mapper the SDK's mapper, which reads the unknown properties
   * @param binding the data binding of the type, for everything but the plain case (a decoder
   *     of a nested object never uses its own: the outermost one's binding reads the whole text)
   * @param newBuilder a new builder of the type
   * @param build the builder's {@code build()}
   * @param additional the builder's setter of unknown properties
   */
  public static <B, T> Builder<B, T> of(
      ObjectMapper mapper,
      TextDecoder<T> binding,
      Supplier<B> newBuilder,
      Function<B, T> build,
      AdditionalSetter<B> additional) {
    return new Builder<>(mapper, binding, newBuilder, build, additional);
  }

  @Override
  public T decode(String text) throws IOException {
    T plain = readPlain(text);
    if (plain != null) return plain;
    try (JsonParser parser = factory.createParser(text)) {
      return readRoot(parser);
    } catch (IOException | RuntimeException notPlain) {
      return binding.decode(text);
    }
  }

  @Override
  public T decode(byte[] utf8, int offset, int length) throws IOException {
    T plain = readPlain(utf8, offset, length);
    if (plain != null) return plain;
    try (JsonParser parser = factory.createParser(utf8, offset, length)) {
      return readRoot(parser);
    } catch (IOException | RuntimeException notPlain) {
      return binding.decode(utf8, offset, length);
    }
  }

  @Override
  public T readPlain(String text) {
    if (flat == null) return null;
    try {
      B builder = newBuilder.get();
      return flat.read(text, builder) ? build.apply(builder) : null;
    } catch (RuntimeException notPlain) { // such as a missing required field
      return null;
    }
  }

  @Override
  public T readPlain(byte[] utf8, int offset, int length) {
    if (flat == null) return null;
    try {
      B builder = newBuilder.get();
      return flat.read(utf8, offset, offset + length, builder) ? build.apply(builder) : null;
    } catch (RuntimeException notPlain) {
      return null;
    }
  }

  /** How the flat reader of a type holding this one reads it; null if this one is not flat. */
  private <O> FlatScan.Nested<O, B, T> nested(BiConsumer<O, ?> setter) {
    return flat == null ? null : new FlatScan.Nested<>(flat, newBuilder, build, setter);
  }

  private T readRoot(JsonParser parser) throws IOException {
    // Jackson's own fast double parser (bundled with it, correctly rounded like
    // Double.parseDouble): word timings make doubles a large part of a transcript.
    parser.enable(JsonParser.Feature.USE_FAST_DOUBLE_PARSER);
    if (parser.nextToken() != JsonToken.START_OBJECT) throw GiveUp.INSTANCE;
    return read(parser);
  }

  /** Reads the object the parser is on (its {@code START_OBJECT}), up to its end. */
  T read(JsonParser parser) throws IOException {
    B builder = newBuilder.get();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      Property<B> property = properties.get(name);
      JsonToken token = parser.nextToken();
      if (property != null) {
        property.read(parser, builder);
      } else {
        if (token == JsonToken.VALUE_NULL) throw GiveUp.INSTANCE;
        additional.put(builder, name, mapper.readTree(parser));
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) throw GiveUp.INSTANCE;
    return build.apply(builder);
  }

  private static void expect(JsonParser parser, JsonToken token) throws GiveUp {
    if (parser.currentToken() != token) throw GiveUp.INSTANCE;
  }

  /** Names each property the type reads and how. */
  public static final class Builder<B, T> {
    private final ObjectMapper mapper;
    private final TextDecoder<T> binding;
    private final Supplier<B> newBuilder;
    private final Function<B, T> build;
    private final AdditionalSetter<B> additional;
    private final Map<String, Property<B>> properties = new HashMap<>();
    private final List<FlatScan.Slot> slots = new ArrayList<>();
    private boolean flat = true;

    private Builder(
        ObjectMapper mapper,
        TextDecoder<T> binding,
        Supplier<B> newBuilder,
        Function<B, T> build,
        AdditionalSetter<B> additional) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      this.binding = Objects.requireNonNull(binding, "binding");
      this.newBuilder = Objects.requireNonNull(newBuilder, "newBuilder");
      this.build = Objects.requireNonNull(build, "build");
      this.additional = Objects.requireNonNull(additional, "additional");
    }

    /** A property read and dropped, as a tag the type fixes. */
    public Builder<B, T> ignored(String name) {
      return add(name, FlatScan.Kind.IGNORED, null, (parser, builder) -> parser.skipChildren());
    }

    public Builder<B, T> text(String name, BiConsumer<B, String> setter) {
      return add(name, FlatScan.Kind.TEXT, setter, (parser, builder) -> {
        expect(parser, JsonToken.VALUE_STRING);
        setter.accept(builder, parser.getText());
      });
    }

    public Builder<B, T> flag(String name, FlagSetter<B> setter) {
      return add(name, FlatScan.Kind.FLAG, setter, (parser, builder) -> {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) setter.set(builder, true);
        else if (token == JsonToken.VALUE_FALSE) setter.set(builder, false);
        else throw GiveUp.INSTANCE;
      });
    }

    public Builder<B, T> int32(String name, ObjIntConsumer<B> setter) {
      return add(name, FlatScan.Kind.INT32, setter, (parser, builder) -> {
        expect(parser, JsonToken.VALUE_NUMBER_INT);
        setter.accept(builder, parser.getIntValue());
      });
    }

    public Builder<B, T> int64(String name, ObjLongConsumer<B> setter) {
      return add(name, FlatScan.Kind.INT64, setter, (parser, builder) -> {
        expect(parser, JsonToken.VALUE_NUMBER_INT);
        setter.accept(builder, parser.getLongValue());
      });
    }

    public Builder<B, T> float64(String name, ObjDoubleConsumer<B> setter) {
      return add(name, FlatScan.Kind.FLOAT64, setter, (parser, builder) -> {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT)
          throw GiveUp.INSTANCE;
        setter.accept(builder, parser.getDoubleValue());
      });
    }

    /** A base64 string, as bytes (the mapper's default variant, as the data binding reads it). */
    public Builder<B, T> base64(String name, BiConsumer<B, byte[]> setter) {
      if (mapper.getDeserializationConfig().getBase64Variant()
          != Base64Variants.getDefaultVariant())
        flat = false; // the flat reader decodes the default (padded, no line feeds) only
      return add(name, FlatScan.Kind.BASE64, setter, (parser, builder) -> {
        expect(parser, JsonToken.VALUE_STRING);
        setter.accept(
            builder, parser.getBinaryValue(mapper.getDeserializationConfig().getBase64Variant()));
      });
    }

    public <E> Builder<B, T> object(
        String name, TokenDecoder<?, E> decoder, BiConsumer<B, E> setter) {
      Objects.requireNonNull(decoder, "decoder");
      return add(name, FlatScan.Kind.OBJECT, decoder.nested(setter), (parser, builder) -> {
        expect(parser, JsonToken.START_OBJECT);
        setter.accept(builder, decoder.read(parser));
      });
    }

    /** An array of objects, as a list. */
    public <E> Builder<B, T> objects(
        String name, TokenDecoder<?, E> element, BiConsumer<B, List<E>> setter) {
      Objects.requireNonNull(element, "element");
      return add(name, FlatScan.Kind.OBJECTS, element.nested(setter), (parser, builder) -> {
        expect(parser, JsonToken.START_ARRAY);
        List<E> list = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.START_OBJECT)
          list.add(element.read(parser));
        if (token != JsonToken.END_ARRAY) throw GiveUp.INSTANCE;
        setter.accept(builder, list);
      });
    }

    private Builder<B, T> add(
        String name, FlatScan.Kind kind, Object setter, Property<B> property) {
      if (properties.put(Objects.requireNonNull(name, "name"), property) != null)
        throw new IllegalArgumentException("property " + name + " named twice");
      if (setter == null && kind != FlatScan.Kind.IGNORED) flat = false; // a nested type not flat
      slots.add(new FlatScan.Slot(name, kind, setter));
      if (slots.size() > 64) flat = false;
      return this;
    }

    public TokenDecoder<B, T> build() {
      return new TokenDecoder<>(this);
    }
  }
}
