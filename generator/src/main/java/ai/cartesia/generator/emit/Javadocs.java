package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Docs;
import com.palantir.javapoet.CodeBlock;
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

  /** Escapes one run of text; Markdown code spans become {@code <code>} elements. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    boolean inCode = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '`' -> {
          out.append(inCode ? "</code>" : "<code>");
          inCode = !inCode;
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
        case '\r' -> { }
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

  /** A single line for a file comment: printable characters only. */
  static String line(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\\\]", " ").strip();
  }
}
