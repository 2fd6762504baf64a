package ai.cartesia.core.internal.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjIntConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;

/**
 * The fast path of {@link TokenDecoder} for flat objects (the shape of a streamed audio chunk),
 * and objects whose nested objects, alone or in arrays, are flat in turn (a transcript's words):
 * one pass over the text, straight into the builder, without a parser. It is strict and small on
 * purpose: a string with an escape or a control character, a null, a nested value other than
 * such objects, a number it
 * cannot convert exactly, a property named twice, anything after the object: it gives up (returns
 * null) and the token reader, and behind it the data binding, reads the text as before. So it only
 * ever yields what they would yield.
 *
 * <p>Quotes are found with {@code String.indexOf}, which the JDK vectorises; in bytes, the quote
 * that ends a long base64 value is found from the object's short tail, as {@link Base64Field}
 * does.
 */
final class FlatScan<B> {

  /** How a property's value is read. */
  enum Kind {
    IGNORED,
    TEXT,
    FLAG,
    INT32,
    INT64,
    FLOAT64,
    BASE64,
    /** A flat object, read by its own scan ({@link Nested}). */
    OBJECT,
    /** An array of flat objects, as a list ({@link Nested}). */
    OBJECTS
  }

  /** One property: its wire name, its kind and its setter (of the type the kind implies). */
  record Slot(String name, Kind kind, Object setter) {}

  /**
   * The setter of an {@link Kind#OBJECT} or {@link Kind#OBJECTS} property: how the nested type
   * is read and built, and where the value (or the list of values) goes.
   */
  record Nested<B, E, N>(
      FlatScan<E> scan, Supplier<E> newBuilder, Function<E, N> build, BiConsumer<B, ?> setter) {}

  /** The exact powers of ten a double holds, for the exact conversion of short decimals. */
  private static final double[] POWERS = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private final Slot[] slots;
  private final byte[][] asciiNames;
  /** Open addressing by the name's hash: slot index + 1, or 0 for an empty entry. */
  private final int[] table;

  private final TokenDecoder.AdditionalSetter<B> additional;
  private final JsonNodeFactory nodes;
  /** Whether an unknown integer becomes the tree Jackson would make of it, int or long. */
  private final boolean plainIntNodes;

  FlatScan(ObjectMapper mapper, List<Slot> slots, TokenDecoder.AdditionalSetter<B> additional) {
    if (slots.size() > 64) throw new IllegalArgumentException("more than 64 properties");
    this.slots = slots.toArray(new Slot[0]);
    this.asciiNames = new byte[this.slots.length][];
    int size = Integer.highestOneBit(Math.max(1, this.slots.length) * 4);
    this.table = new int[size];
    for (int k = 0; k < this.slots.length; k++) {
      String name = this.slots[k].name();
      boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x80);
      // A name outside ASCII is never matched in bytes; keys outside ASCII give up there anyway.
      asciiNames[k] = ascii ? name.getBytes(StandardCharsets.US_ASCII) : null;
      int h = name.hashCode() & (size - 1);
      while (table[h] != 0) h = (h + 1) & (size - 1);
      table[h] = k + 1;
    }
    this.additional = additional;
    this.nodes = mapper.getNodeFactory();
    this.plainIntNodes = !mapper.isEnabled(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        && !mapper.isEnabled(DeserializationFeature.USE_LONG_FOR_INTS);
  }

  // ---- text ----

  /** Reads {@code json} into {@code builder}; false to give up. */
  boolean read(String json, B builder) {
    int n = json.length();
    int end = object(json, space(json, 0, n), n, builder, new Number());
    return end >= 0 && space(json, end, n) == n;
  }

  /** Reads the object at {@code i} into {@code builder}; the index after it, or -1 to give up. */
  private int object(String json, int i, int n, B builder, Number number) {
    if (i >= n || json.charAt(i) != '{') return -1;
    i = space(json, i + 1, n);
    if (i < n && json.charAt(i) == '}') return i + 1;
    long seen = 0;
    while (true) {
      if (i >= n || json.charAt(i) != '"') return -1;
      int keyStart = i + 1;
      int keyEnd = json.indexOf('"', keyStart);
      if (keyEnd < 0) return -1;
      int hash = 0;
      for (int k = keyStart; k < keyEnd; k++) {
        char c = json.charAt(k);
        if (c == '\\' || c < 0x20) return -1;
        hash = 31 * hash + c;
      }
      int slot = find(json, keyStart, keyEnd, hash);
      i = space(json, keyEnd + 1, n);
      if (i >= n || json.charAt(i) != ':') return -1;
      i = space(json, i + 1, n);
      if (i >= n) return -1;
      if (slot >= 0) {
        if ((seen & (1L << slot)) != 0) return -1; // named twice
        seen |= 1L << slot;
        i = value(json, i, n, slots[slot], builder, number);
      } else {
        i = unknown(json, i, n, json.substring(keyStart, keyEnd), builder, number);
      }
      if (i < 0) return -1;
      i = space(json, i, n);
      if (i >= n) return -1;
      char c = json.charAt(i);
      if (c == '}') return i + 1;
      if (c != ',') return -1;
      i = space(json, i + 1, n);
    }
  }

  private int find(String json, int from, int to, int hash) {
    int mask = table.length - 1;
    for (int h = hash & mask; ; h = (h + 1) & mask) {
      int entry = table[h];
      if (entry == 0) return -1;
      String name = slots[entry - 1].name();
      if (name.length() == to - from && json.startsWith(name, from)) return entry - 1;
    }
  }

  /** Reads a known property's value at {@code i}; the index after it, or -1 to give up. */
  @SuppressWarnings("unchecked")
  private int value(String json, int i, int n, Slot slot, B builder, Number number) {
    char c = json.charAt(i);
    switch (slot.kind()) {
      case BASE64 -> {
        if (c != '"') return -1;
        // Base64 has no quote and no backslash: the first quote ends it, and anything else
        // (an escape, a control character) fails the decoding.
        int end = json.indexOf('"', i + 1);
        if (end < 0) return -1;
        byte[] bytes = Base64Field.decode(json, i + 1, end);
        if (bytes == null) return -1;
        ((BiConsumer<B, byte[]>) slot.setter()).accept(builder, bytes);
        return end + 1;
      }
      case TEXT, IGNORED -> {
        if (c != '"') return -1;
        int end = plainStringEnd(json, i + 1);
        if (end < 0) return -1;
        if (slot.kind() == Kind.TEXT)
          ((BiConsumer<B, String>) slot.setter()).accept(builder, json.substring(i + 1, end));
        return end + 1;
      }
      case FLAG -> {
        if (json.startsWith("true", i)) {
          ((TokenDecoder.FlagSetter<B>) slot.setter()).set(builder, true);
          return i + 4;
        }
        if (json.startsWith("false", i)) {
          ((TokenDecoder.FlagSetter<B>) slot.setter()).set(builder, false);
          return i + 5;
        }
        return -1;
      }
      case OBJECT -> {
        return nested(json, i, n, (Nested<B, ?, ?>) slot.setter(), builder, number);
      }
      case OBJECTS -> {
        return nestedList(json, i, n, (Nested<B, ?, ?>) slot.setter(), builder, number);
      }
      default -> {
        return number(json, i, n, slot, builder, number);
      }
    }
  }

  /** A nested flat object at {@code i}, built and set; the index after it, or -1 to give up. */
  @SuppressWarnings("unchecked")
  private static <B, E, N> int nested(
      String json, int i, int n, Nested<B, E, N> nested, B builder, Number number) {
    E element = nested.newBuilder().get();
    int end = nested.scan().object(json, i, n, element, number);
    if (end < 0) return -1;
    ((BiConsumer<B, N>) nested.setter()).accept(builder, nested.build().apply(element));
    return end;
  }

  /** An array of nested flat objects at {@code i}, as a list; the index after it, or -1. */
  @SuppressWarnings("unchecked")
  private static <B, E, N> int nestedList(
      String json, int i, int n, Nested<B, E, N> nested, B builder, Number number) {
    if (json.charAt(i) != '[') return -1;
    List<N> list = new ArrayList<>();
    i = space(json, i + 1, n);
    if (i < n && json.charAt(i) != ']') {
      while (true) {
        E element = nested.newBuilder().get();
        i = nested.scan().object(json, i, n, element, number);
        if (i < 0) return -1;
        list.add(nested.build().apply(element));
        i = space(json, i, n);
        if (i >= n) return -1;
        char c = json.charAt(i);
        if (c == ']') break;
        if (c != ',') return -1;
        i = space(json, i + 1, n);
      }
    }
    if (i >= n) return -1;
    ((BiConsumer<B, List<N>>) nested.setter()).accept(builder, list);
    return i + 1;
  }

  /** The closing quote of a string without escapes or control characters from {@code start}, or -1. */
  private static int plainStringEnd(String json, int start) {
    int end = json.indexOf('"', start);
    if (end < 0) return -1;
    for (int k = start; k < end; k++) {
      char c = json.charAt(k);
      if (c == '\\' || c < 0x20) return -1;
    }
    return end;
  }

  /** An unknown property's value, kept as Jackson's tree would have it: strings, booleans, integers. */
  private int unknown(String json, int i, int n, String name, B builder, Number number) {
    char c = json.charAt(i);
    if (c == '"') {
      int end = plainStringEnd(json, i + 1);
      if (end < 0) return -1;
      additional.put(builder, name, nodes.textNode(json.substring(i + 1, end)));
      return end + 1;
    }
    if (json.startsWith("true", i)) {
      additional.put(builder, name, nodes.booleanNode(true));
      return i + 4;
    }
    if (json.startsWith("false", i)) {
      additional.put(builder, name, nodes.booleanNode(false));
      return i + 5;
    }
    if (!plainIntNodes) return -1;
    number.reset();
    int end = number.parse(json, i, n);
    if (end < 0 || !number.integral()) return -1;
    additional.put(builder, name, number.node(nodes));
    return end;
  }

  private int number(String json, int i, int n, Slot slot, B builder, Number number) {
    number.reset();
    int end = number.parse(json, i, n);
    return end >= 0 && set(number, slot, builder) ? end : -1;
  }

  // ---- UTF-8 bytes ----

  /** Reads the UTF-8 {@code json[from, to)} into {@code builder}; false to give up. */
  boolean read(byte[] json, int from, int to, B builder) {
    int end = object(json, space(json, from, to), to, builder, new Number());
    return end >= 0 && space(json, end, to) == to;
  }

  /** Reads the object at {@code i} into {@code builder}; the index after it, or -1 to give up. */
  private int object(byte[] json, int i, int to, B builder, Number number) {
    if (i >= to || json[i] != '{') return -1;
    i = space(json, i + 1, to);
    if (i < to && json[i] == '}') return i + 1;
    long seen = 0;
    while (true) {
      if (i >= to || json[i] != '"') return -1;
      int keyStart = i + 1;
      int keyEnd = plainStringEnd(json, keyStart, to);
      if (keyEnd < 0) return -1;
      int slot = find(json, keyStart, keyEnd);
      i = space(json, keyEnd + 1, to);
      if (i >= to || json[i] != ':') return -1;
      i = space(json, i + 1, to);
      if (i >= to) return -1;
      if (slot >= 0) {
        if ((seen & (1L << slot)) != 0) return -1;
        seen |= 1L << slot;
        i = value(json, i, to, slots[slot], builder, number);
      } else {
        String name = new String(json, keyStart, keyEnd - keyStart, StandardCharsets.ISO_8859_1);
        i = unknown(json, i, to, name, builder, number);
      }
      if (i < 0) return -1;
      i = space(json, i, to);
      if (i >= to) return -1;
      byte c = json[i];
      if (c == '}') return i + 1;
      if (c != ',') return -1;
      i = space(json, i + 1, to);
    }
  }

  private int find(byte[] json, int from, int to) {
    int hash = 0;
    for (int k = from; k < to; k++) hash = 31 * hash + json[k];
    int mask = table.length - 1;
    for (int h = hash & mask; ; h = (h + 1) & mask) {
      int entry = table[h];
      if (entry == 0) return -1;
      byte[] name = asciiNames[entry - 1];
      if (name != null && same(json, from, to, name)) return entry - 1;
    }
  }

  /** Whether {@code json[from, to)} is {@code name}; by hand, as names are a few bytes. */
  private static boolean same(byte[] json, int from, int to, byte[] name) {
    if (name.length != to - from) return false;
    for (int k = 0; k < name.length; k++) {
      if (json[from + k] != name[k]) return false;
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private int value(byte[] json, int i, int to, Slot slot, B builder, Number number) {
    byte c = json[i];
    switch (slot.kind()) {
      case BASE64 -> {
        if (c != '"') return -1;
        // A later quote than the first only takes base64 that holds a quote, which fails.
        int end = Base64Field.closingQuote(json, i + 1, to);
        if (end < 0) return -1;
        byte[] bytes = Base64Field.decode(json, i + 1, end);
        if (bytes == null) return -1;
        ((BiConsumer<B, byte[]>) slot.setter()).accept(builder, bytes);
        return end + 1;
      }
      case TEXT, IGNORED -> {
        if (c != '"') return -1;
        int end = plainStringEnd(json, i + 1, to);
        if (end < 0) return -1;
        if (slot.kind() == Kind.TEXT) {
          String text = new String(json, i + 1, end - i - 1, StandardCharsets.ISO_8859_1);
          ((BiConsumer<B, String>) slot.setter()).accept(builder, text);
        }
        return end + 1;
      }
      case FLAG -> {
        if (literal(json, i, to, "true")) {
          ((TokenDecoder.FlagSetter<B>) slot.setter()).set(builder, true);
          return i + 4;
        }
        if (literal(json, i, to, "false")) {
          ((TokenDecoder.FlagSetter<B>) slot.setter()).set(builder, false);
          return i + 5;
        }
        return -1;
      }
      case OBJECT -> {
        return nested(json, i, to, (Nested<B, ?, ?>) slot.setter(), builder, number);
      }
      case OBJECTS -> {
        return nestedList(json, i, to, (Nested<B, ?, ?>) slot.setter(), builder, number);
      }
      default -> {
        number.reset();
        int end = number.parse(json, i, to);
        return end >= 0 && set(number, slot, builder) ? end : -1;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <B, E, N> int nested(
      byte[] json, int i, int to, Nested<B, E, N> nested, B builder, Number number) {
    E element = nested.newBuilder().get();
    int end = nested.scan().object(json, i, to, element, number);
    if (end < 0) return -1;
    ((BiConsumer<B, N>) nested.setter()).accept(builder, nested.build().apply(element));
    return end;
  }

  @SuppressWarnings("unchecked")
  private static <B, E, N> int nestedList(
      byte[] json, int i, int to, Nested<B, E, N> nested, B builder, Number number) {
    if (json[i] != '[') return -1;
    List<N> list = new ArrayList<>();
    i = space(json, i + 1, to);
    if (i < to && json[i] != ']') {
      while (true) {
        E element = nested.newBuilder().get();
        i = nested.scan().object(json, i, to, element, number);
        if (i < 0) return -1;
        list.add(nested.build().apply(element));
        i = space(json, i, to);
        if (i >= to) return -1;
        byte c = json[i];
        if (c == ']') break;
        if (c != ',') return -1;
        i = space(json, i + 1, to);
      }
    }
    if (i >= to) return -1;
    ((BiConsumer<B, List<N>>) nested.setter()).accept(builder, list);
    return i + 1;
  }

  /**
   * The closing quote of a string of printable ASCII without escapes from {@code start}, or -1
   * (text outside ASCII is left to Jackson, which also checks that it is valid UTF-8).
   */
  private static int plainStringEnd(byte[] json, int start, int to) {
    for (int k = start; k < to; k++) {
      byte c = json[k];
      if (c == '"') return k;
      if (c == '\\' || c < 0x20) return -1; // a byte >= 0x80 is negative
    }
    return -1;
  }

  private int unknown(byte[] json, int i, int to, String name, B builder, Number number) {
    byte c = json[i];
    if (c == '"') {
      int end = plainStringEnd(json, i + 1, to);
      if (end < 0) return -1;
      String text = new String(json, i + 1, end - i - 1, StandardCharsets.ISO_8859_1);
      additional.put(builder, name, nodes.textNode(text));
      return end + 1;
    }
    if (literal(json, i, to, "true")) {
      additional.put(builder, name, nodes.booleanNode(true));
      return i + 4;
    }
    if (literal(json, i, to, "false")) {
      additional.put(builder, name, nodes.booleanNode(false));
      return i + 5;
    }
    if (!plainIntNodes) return -1;
    number.reset();
    int end = number.parse(json, i, to);
    if (end < 0 || !number.integral()) return -1;
    additional.put(builder, name, number.node(nodes));
    return end;
  }

  private static boolean literal(byte[] json, int i, int to, String word) {
    if (to - i < word.length()) return false;
    for (int k = 0; k < word.length(); k++) {
      if (json[i + k] != word.charAt(k)) return false;
    }
    return true;
  }

  // ---- shared ----

  @SuppressWarnings("unchecked")
  private boolean set(Number number, Slot slot, B builder) {
    switch (slot.kind()) {
      case INT32 -> {
        if (!number.integral()) return false;
        long value = number.signed();
        if (value != (int) value) return false;
        ((ObjIntConsumer<B>) slot.setter()).accept(builder, (int) value);
        return true;
      }
      case INT64 -> {
        if (!number.integral()) return false;
        ((ObjLongConsumer<B>) slot.setter()).accept(builder, number.signed());
        return true;
      }
      case FLOAT64 -> {
        double value = number.exactDouble();
        if (Double.isNaN(value)) return false;
        ((ObjDoubleConsumer<B>) slot.setter()).accept(builder, value);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static int space(String json, int i, int n) {
    while (i < n) {
      char c = json.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
      i++;
    }
    return i;
  }

  private static int space(byte[] json, int i, int to) {
    while (i < to) {
      byte c = json[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
      i++;
    }
    return i;
  }

  /**
   * A JSON number read in the strict grammar ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?})
   * with at most 18 significant digits, so that its digits fit a {@code long} exactly. One serves
   * a whole message, {@linkplain #reset() reset} before each number, to spare an allocation per
   * number (a transcript has two per word).
   */
  private static final class Number {
    boolean negative;
    /** A fraction or an exponent was written: Jackson reads the number as a floating one. */
    boolean floating;

    long digits;
    int count;
    /** The power of ten the digits are scaled by. */
    int scale;

    void reset() {
      negative = floating = false;
      digits = 0;
      count = scale = 0;
    }

    boolean integral() {
      return !floating;
    }

    long signed() {
      return negative ? -digits : digits;
    }

    JsonNode node(JsonNodeFactory nodes) {
      long value = signed();
      return value == (int) value ? nodes.numberNode((int) value) : nodes.numberNode(value);
    }

    /**
     * The double nearest the number where one IEEE operation gives it (digits below 2^53, a
     * power of ten up to 22, so both are exact and the one rounding is the correct one); NaN
     * otherwise.
     */
    double exactDouble() {
      // An integer token (even -0) is a long to Jackson, and so converted.
      if (!floating) return (double) signed();
      if (digits >= 1L << 53 || scale < -22 || scale > 22) return Double.NaN;
      double value = scale >= 0 ? digits * POWERS[scale] : digits / POWERS[-scale];
      return negative ? -value : value;
    }

    /** The index after the number at {@code i}, or -1 if it is not one this class takes. */
    int parse(String json, int i, int n) {
      if (i < n && json.charAt(i) == '-') {
        negative = true;
        i++;
      }
      if (i >= n) return -1;
      char c = json.charAt(i);
      if (c == '0') {
        i++;
        if (i < n && isDigit(json.charAt(i))) return -1; // a leading zero
      } else if (c >= '1' && c <= '9') {
        while (i < n && isDigit(c = json.charAt(i))) {
          if (!digit(c)) return -1;
          i++;
        }
      } else {
        return -1;
      }
      if (i < n && json.charAt(i) == '.') {
        floating = true;
        i++;
        int start = i;
        while (i < n && isDigit(c = json.charAt(i))) {
          if (!digit(c)) return -1;
          scale--;
          i++;
        }
        if (i == start) return -1;
      }
      if (i < n && (json.charAt(i) == 'e' || json.charAt(i) == 'E')) {
        floating = true;
        i++;
        boolean minus = false;
        if (i < n && (json.charAt(i) == '+' || json.charAt(i) == '-'))
          minus = json.charAt(i++) == '-';
        int start = i;
        int exponent = 0;
        while (i < n && isDigit(c = json.charAt(i))) {
          if (i - start >= 3) return -1;
          exponent = exponent * 10 + (c - '0');
          i++;
        }
        if (i == start) return -1;
        scale += minus ? -exponent : exponent;
      }
      return i;
    }

    int parse(byte[] json, int i, int to) {
      if (i < to && json[i] == '-') {
        negative = true;
        i++;
      }
      if (i >= to) return -1;
      int c = json[i];
      if (c == '0') {
        i++;
        if (i < to && isDigit(json[i])) return -1;
      } else if (c >= '1' && c <= '9') {
        while (i < to && isDigit(c = json[i])) {
          if (!digit(c)) return -1;
          i++;
        }
      } else {
        return -1;
      }
      if (i < to && json[i] == '.') {
        floating = true;
        i++;
        int start = i;
        while (i < to && isDigit(c = json[i])) {
          if (!digit(c)) return -1;
          scale--;
          i++;
        }
        if (i == start) return -1;
      }
      if (i < to && (json[i] == 'e' || json[i] == 'E')) {
        floating = true;
        i++;
        boolean minus = false;
        if (i < to && (json[i] == '+' || json[i] == '-')) minus = json[i++] == '-';
        int start = i;
        int exponent = 0;
        while (i < to && isDigit(c = json[i])) {
          if (i - start >= 3) return -1;
          exponent = exponent * 10 + (c - '0');
          i++;
        }
        if (i == start) return -1;
        scale += minus ? -exponent : exponent;
      }
      return i;
    }

    /** Adds a digit; false past 18 significant digits. */
    private boolean digit(int c) {
      if (count == 0 && c == '0') return true; // leading zeros of a fraction add nothing
      if (++count > 18) return false;
      digits = digits * 10 + (c - '0');
      return true;
    }

    private static boolean isDigit(int c) {
      return c >= '0' && c <= '9';
    }
  }
}
