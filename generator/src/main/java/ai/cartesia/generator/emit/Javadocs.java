package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Docs;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes text from a spec safe inside a Javadoc comment: nothing in it can close the comment,
 * start a tag, smuggle a Unicode escape past the compiler or break the HTML.
 */
final class Javadocs {

  private static final Pattern BLANK_LINE = Pattern.compile("\\R\\s*\\R");

  private Javadocs() {}

  /** The docs as Javadoc paragraphs, with a deprecation note if the spec deprecates the element. */
  static CodeBlock of(Docs docs) {
    CodeBlock.Builder block = CodeBlock.builder();
    String text = paragraphs(docs.text());
    if (!text.isEmpty()) block.add("$L\n", text);
    return block.build();
  }

  /** Paragraphs separated by blank lines become {@code <p>} paragraphs. */
  static String paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : BLANK_LINE.split(text.strip())) {
      String escaped = escape(paragraph.strip());
      if (!escaped.isEmpty()) paragraphs.add(escaped);
    }
    return String.join("\n\n<p>", paragraphs);
  }

  /**
   * Text as inline code that renders exactly as written. {@code {@code ...}} shows its content
   * literally (an entity such as {@code &#123;} would show as such), so it is used when the text
   * can stand in it: braces balanced, and nothing the compiler or the comment would read first
   * (a backslash, a comment end, a line break). Other text goes in {@code <code>}, with entities.
   */
  static String code(String text) {
    return fitsCodeTag(text) ? "{@code " + text + "}" : "<code>" + escape(text, false) + "</code>";
  }

  private static boolean fitsCodeTag(String text) {
    if (text.isEmpty() || Character.isWhitespace(text.charAt(0))) return false;
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (--depth < 0) return false;
      } else if (c == '\\' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return false;
      } else if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        return false;
      } else if (c == '@' && i > 0 && text.charAt(i - 1) == '{') {
        return false;
      }
    }
    return depth == 0;
  }

  /** Escapes one run of text; Markdown code spans become {@code <code>} elements. */
  static String escape(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean markdownCode) {
    StringBuilder out = new StringBuilder();
    boolean inCode = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '`' -> {
          if (markdownCode) {
            out.append(inCode ? "</code>" : "<code>");
            inCode = !inCode;
          } else {
            out.append("&#96;");
          }
        }
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
        case '*' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '/' ? "&#42;" : "*");
        case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        case '\r' -> {}
        case '\n', '\t' -> out.append(c);
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(' ');
          } else {
            out.append(c);
          }
        }
      }
    }
    if (inCode) out.append("</code>");
    return out.toString();
  }

  /**
   * A comment built paragraph by paragraph: the first paragraph opens the comment, so that no
   * comment starts with an empty line; each later one starts with {@code <p>}; block tags follow
   * after a blank line.
   */
  static final class Comment {
    private final CodeBlock.Builder text = CodeBlock.builder();
    private final CodeBlock.Builder tags = CodeBlock.builder();

    /** The spec's docs as paragraphs, if it has any. */
    Comment docs(Docs docs) {
      String paragraphs = paragraphs(docs.text());
      return paragraphs.isEmpty() ? this : paragraph("$L", paragraphs);
    }

    Comment paragraph(String format, Object... args) {
      if (!text.isEmpty()) text.add("\n<p>");
      text.add(format, args).add("\n");
      return this;
    }

    /** A block tag, such as {@code @param name what it is}. */
    Comment tag(String format, Object... args) {
      tags.add(format, args).add("\n");
      return this;
    }

    CodeBlock build() {
      CodeBlock.Builder all = CodeBlock.builder().add(text.build());
      if (!tags.isEmpty()) {
        if (!text.isEmpty()) all.add("\n");
        all.add(tags.build());
      }
      return all.build();
    }
  }

  /**
   * {@code {@link #method(A, B)}} to an overload, by its parameter types (erased, as links need),
   * for the overloads that point to the one that has the full description.
   */
  static CodeBlock link(String method, List<TypeName> parameterTypes) {
    CodeBlock types = parameterTypes.stream()
        .map(type ->
            CodeBlock.of("$T", type instanceof ParameterizedTypeName p ? p.rawType() : type))
        .collect(CodeBlock.joining(", "));
    return CodeBlock.of("{@link #$N($L)}", method, types);
  }

  /** A single line for a file comment: printable characters only. */
  static String line(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\\\]", " ").strip();
  }
}
