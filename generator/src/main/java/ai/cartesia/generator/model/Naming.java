package ai.cartesia.generator.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every Java name the generator uses is decided here: words are split out of wire names, joined
 * in Java's casing conventions, and made legal and free of clashes.
 */
public final class Naming {

  private static final Set<String> KEYWORDS = Set.of(
      "abstract",
      "assert",
      "boolean",
      "break",
      "byte",
      "case",
      "catch",
      "char",
      "class",
      "const",
      "continue",
      "default",
      "do",
      "double",
      "else",
      "enum",
      "extends",
      "final",
      "finally",
      "float",
      "for",
      "goto",
      "if",
      "implements",
      "import",
      "instanceof",
      "int",
      "interface",
      "long",
      "native",
      "new",
      "package",
      "private",
      "protected",
      "public",
      "return",
      "short",
      "static",
      "strictfp",
      "super",
      "switch",
      "synchronized",
      "this",
      "throw",
      "throws",
      "transient",
      "try",
      "void",
      "volatile",
      "while",
      "true",
      "false",
      "null",
      "var",
      "yield",
      "record",
      "sealed",
      "permits",
      "non-sealed",
      "_");

  /**
   * Simple names a generated type must not take whatever the emitters do: classes of {@code
   * java.lang}, which Java code refers to without importing, and the JDK classes every generated
   * file may import. The names of the runtime's classes and of the emitters' nested types come
   * from the emit stage, as {@link ReservedNames}.
   */
  private static final Set<String> RESERVED_TYPE_NAMES = Set.of(
      "Object",
      "String",
      "Boolean",
      "Integer",
      "Long",
      "Double",
      "Float",
      "Number",
      "Byte",
      "Short",
      "Character",
      "Void",
      "Class",
      "Enum",
      "Record",
      "Override",
      "Deprecated",
      "SuppressWarnings",
      "FunctionalInterface",
      "SafeVarargs",
      "Error",
      "Exception",
      "RuntimeException",
      "Throwable",
      "Iterable",
      "Comparable",
      "Math",
      "System",
      "Thread",
      "Runnable",
      "StringBuilder",
      "CharSequence",
      "Process",
      "Runtime",
      "Module",
      "Package",
      "ClassLoader",
      "IllegalArgumentException",
      "IllegalStateException",
      "NullPointerException",
      "UnsupportedOperationException",
      "AutoCloseable",
      "List",
      "Map",
      "Optional",
      "Objects",
      "Arrays",
      "LinkedHashMap",
      "Collections",
      "BigDecimal",
      "BigInteger",
      "OffsetDateTime",
      "LocalDate",
      "UUID",
      "InputStream",
      "CompletableFuture",
      "Path");

  /** Member names generated classes already use for their own methods. */
  private static final Set<String> RESERVED_MEMBER_NAMES = Set.of(
      "builder",
      "toBuilder",
      "build",
      "equals",
      "hashCode",
      "toString",
      "getClass",
      "additionalProperties",
      "putAdditionalProperty",
      "accept",
      "visit",
      "notify",
      "notifyAll",
      "wait",
      "clone",
      "finalize",
      "of",
      "value",
      "values",
      "known",
      "isKnown",
      "from");

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}");

  private Naming() {}

  /** {@code TTSSSERequest} becomes {@code TtssseRequest}; {@code web-socket response} becomes {@code WebSocketResponse}. */
  public static String typeName(String raw) {
    String name = legal(pascal(words(raw)), "Type");
    return RESERVED_TYPE_NAMES.contains(name) ? name + "Model" : name;
  }

  /** As {@link #typeName(String)}, also keeping clear of the names the emitters reserve. */
  public static String typeName(String raw, ReservedNames reserved) {
    String name = typeName(raw);
    return reserved.typeNames().contains(name) ? name + "Model" : name;
  }

  /**
   * The name of a tagged union's variant, for its visitor method: {@code error} becomes {@code
   * Error} ({@code visitError}), since no class of that name is declared.
   */
  public static String variantName(String raw) {
    return legal(pascal(words(raw)), "Type");
  }

  /** {@code model_id} becomes {@code modelId}; {@code continue} becomes {@code continueValue}. */
  public static String memberName(String raw) {
    String name = legal(camel(words(raw)), "value");
    return KEYWORDS.contains(name) || RESERVED_MEMBER_NAMES.contains(name) ? name + "Value" : name;
  }

  /** {@code pcm_f32le} becomes {@code PCM_F32LE}; {@code positivity:high} becomes {@code POSITIVITY_HIGH}. */
  public static String constantName(String raw) {
    List<String> words = words(raw);
    if (words.isEmpty()) return "EMPTY";
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      if (out.length() > 0) out.append('_');
      out.append(word.toUpperCase(Locale.ROOT));
    }
    return legal(out.toString(), "VALUE");
  }

  /** Makes names unique within one scope, in the order they are asked for. */
  public static final class Scope {
    private final Set<String> taken = new HashSet<>();

    /** A scope in which the given names are already taken. */
    public static Scope reserving(Iterable<String> names) {
      Scope scope = new Scope();
      for (String name : names) scope.reserve(name);
      return scope;
    }

    public Scope reserve(String name) {
      taken.add(name.toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Returns the name, or the name with the smallest number appended that is still free.
     * Names are compared ignoring case, so that no two files differ only in case.
     */
    public String claim(String name) {
      String candidate = name;
      for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
        candidate = name + n;
      }
      return candidate;
    }
  }

  /**
   * The words of a name: split at anything that is not a letter or digit, at a change from lower
   * to upper case, and at the end of an acronym ({@code TTSRequest} is TTS, Request).
   */
  static List<String> words(String raw) {
    String text = stripAccents(raw == null ? "" : raw);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int[] cps = text.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (!Character.isLetterOrDigit(c)) {
        flush(words, word);
        continue;
      }
      if (word.length() > 0) {
        int prev = cps[i - 1];
        boolean nextIsLower = i + 1 < cps.length && Character.isLowerCase(cps[i + 1]);
        boolean startsWord = Character.isUpperCase(c)
            && (Character.isLowerCase(prev)
                || nextIsLower && (Character.isUpperCase(prev) || Character.isDigit(prev)));
        if (startsWord) flush(words, word);
      }
      word.appendCodePoint(c);
    }
    flush(words, word);
    return words;
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  private static String pascal(List<String> words) {
    StringBuilder out = new StringBuilder();
    for (String word : words) appendCapitalized(out, word.toLowerCase(Locale.ROOT));
    return out.toString();
  }

  private static String camel(List<String> words) {
    String pascal = pascal(words);
    if (pascal.isEmpty()) return pascal;
    int first = pascal.codePointAt(0);
    return new StringBuilder()
        .appendCodePoint(Character.toLowerCase(first))
        .append(pascal.substring(Character.charCount(first)))
        .toString();
  }

  private static void appendCapitalized(StringBuilder out, String word) {
    if (word.isEmpty()) return;
    int first = word.codePointAt(0);
    out.appendCodePoint(Character.toUpperCase(first))
        .append(word, Character.charCount(first), word.length());
  }

  /** Names must start with a letter: an empty name gets a fallback, a leading digit a prefix. */
  private static String legal(String name, String fallback) {
    if (name.isEmpty()) return fallback;
    if (!Character.isJavaIdentifierStart(name.codePointAt(0))) return "_" + name;
    return name;
  }

  /** Accented Latin letters lose their accents ({@code é} becomes {@code e}); other letters stay. */
  private static String stripAccents(String text) {
    // Names are nearly always ASCII already, and have no accents to strip.
    if (isAscii(text)) return text;
    return COMBINING_MARKS
        .matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
        .replaceAll("");
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) return false;
    }
    return true;
  }
}
