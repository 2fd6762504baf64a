package ai.cartesia.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.generator.model.Docs;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavadocsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // {@code} shows its text literally, so text it can hold goes in it as written.
        "GET /voices/{id}        | {@code GET /voices/{id}}",
        "a < b && c > d          | {@code a < b && c > d}",
        "{\"language\": \"en\"}  | {@code {\"language\": \"en\"}}",
        "user@example.com        | {@code user@example.com}",
        // Unbalanced braces would end the tag early: <code> with entities instead.
        "}{                      | <code>&#125;&#123;</code>",
        "a {b                    | <code>a &#123;b</code>",
        // What the compiler or the comment reads first never reaches the comment.
        "'c\\u000a'              | <code>c&#92;u000a</code>",
        "*/                      | <code>&#42;&#47;</code>",
        "{@link X}               | <code>&#123;&#64;link X&#125;</code>",
        "`tick`                  | {@code `tick`}",
      })
  void inlineCodeRendersTheTextAsWritten(String text, String expected) {
    assertThat(Javadocs.code(text)).isEqualTo(expected);
  }

  @Test
  void inlineCodeOutsideTheTagKeepsBackticksLiteral() {
    assertThat(Javadocs.code("`a` }")).isEqualTo("<code>&#96;a&#96; &#125;</code>");
  }

  @Test
  void aCommentWithoutDocsStartsWithItsFirstParagraph() {
    String comment = new Javadocs.Comment()
        .docs(Docs.NONE)
        .paragraph("First.")
        .paragraph("Second.")
        .tag("@param a the a")
        .build()
        .toString();
    assertThat(comment).isEqualTo("First.\n\n<p>Second.\n\n@param a the a\n");
  }

  @Test
  void aCommentWithDocsPutsThemFirst() {
    String comment = new Javadocs.Comment()
        .docs(Docs.of("Described."))
        .paragraph("More.")
        .build()
        .toString();
    assertThat(comment).isEqualTo("Described.\n\n<p>More.\n");
  }

  @Test
  void linksToAnOverloadNameItsErasedParameterTypes() {
    TypeName list =
        ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class));
    assertThat(Javadocs.link("send", List.of(list, TypeName.INT)).toString())
        .isEqualTo("{@link #send(java.util.List, int)}");
  }
}
