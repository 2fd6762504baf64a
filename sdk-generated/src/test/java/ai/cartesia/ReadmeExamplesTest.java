package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the README compiles against the SDK. Each block becomes a
 * class: its leading {@code import} lines on top, the rest in the body of {@code void example()
 * throws Exception}, next to the helpers the README promises ({@code Cartesia client} and
 * {@code void play(byte[] audio)}). Errors are reported at their README line.
 */
@Timeout(120)
class ReadmeExamplesTest {

  @TempDir
  Path classes;

  /** One {@code ```java} block: its lines, and the README line number of the first one. */
  record Block(int firstLine, List<String> lines) {}

  /** A generated compilation unit, with the README line of each of its lines (0 for wrapper lines). */
  record Unit(String className, String source, List<Integer> readmeLines) {}

  static Path readme() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("README.md");
      if (Files.isRegularFile(candidate)
          && Files.isRegularFile(dir.resolve("sdk-generated/pom.xml"))) return candidate;
    }
    throw new IllegalStateException(
        "no README.md beside sdk-generated/ above " + Path.of("").toAbsolutePath());
  }

  static List<Block> javaBlocks(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    List<String> current = null;
    int first = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (current == null && line.strip().equals("```java")) {
        current = new ArrayList<>();
        first = i + 2;
      } else if (current != null && line.strip().equals("```")) {
        blocks.add(new Block(first, current));
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    if (current != null)
      throw new IllegalStateException(
          "the java block at README line " + (first - 1) + " is not closed");
    return blocks;
  }

  static Unit wrap(Block block, int index) {
    String className = "ReadmeExample" + index;
    List<String> out = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    out.add("package readme;");
    at.add(0);
    int i = 0;
    List<String> lines = block.lines();
    for (; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("import ")) {
        out.add(lines.get(i));
        at.add(block.firstLine() + i);
      } else if (!line.isEmpty() && !line.startsWith("//")) {
        break;
      }
    }
    String[] header = {
      "@SuppressWarnings(\"unused\")",
      "class " + className + " {",
      "  ai.cartesia.Cartesia client;",
      "  void play(byte[] audio) {}",
      "  void example() throws Exception {"
    };
    for (String line : header) {
      out.add(line);
      at.add(0);
    }
    for (; i < lines.size(); i++) {
      out.add("    " + lines.get(i));
      at.add(block.firstLine() + i);
    }
    out.add("  }");
    at.add(0);
    out.add("}");
    at.add(0);
    return new Unit(className, String.join("\n", out) + "\n", at);
  }

  @Test
  void everyJavaBlockOfTheReadmeCompiles() throws IOException {
    List<String> readme = Files.readAllLines(readme(), StandardCharsets.UTF_8);
    List<Block> blocks = javaBlocks(readme);
    assertThat(blocks).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(9);
    List<Unit> units = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) units.add(wrap(blocks.get(i), i + 1));

    List<String> errors = compile(units);

    if (!errors.isEmpty()) fail("README examples do not compile:\n" + String.join("\n", errors));
  }

  @Test
  void theUsingTheSdkSectionShowsEachTopic() throws IOException {
    String readme = Files.readString(readme(), StandardCharsets.UTF_8);
    int start = readme.indexOf("## Using the SDK");
    assertThat(start).isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    assertThat(section)
        .contains(
            "Cartesia.builder()",
            "CARTESIA_API_KEY", // building the client
            "client.voices().get(", // a blocking call
            "getAsync(",
            "CompletableFuture", // async
            ".writeTo(Path.of(", // binary download to a file
            "try (EventStream<", // SSE with try-with-resources
            "FileUpload.of(Path.of(", // multipart upload from a path
            "for (Voice voice : client.voices().list(", // pagination
            "RequestOptions.builder()", // per-request options
            "catch (RateLimitException",
            "catch (ApiException", // errors
            "client.tts().websocket()"); // the WebSocket example
  }

  /** The check itself: a block that does not compile is reported at its README line. */
  @Test
  void aBlockThatDoesNotCompileIsReportedAtItsReadmeLine() throws IOException {
    List<String> markdown = List.of(
        "# Title",
        "```java",
        "import ai.cartesia.model.Voice;",
        "",
        "Voice voice = client.voices().get(\"x\");",
        "int length = voice.nameLength();",
        "```",
        "```bash",
        "mvn verify",
        "```");
    List<Block> blocks = javaBlocks(markdown);
    assertThat(blocks).hasSize(1);

    List<String> errors = compile(List.of(wrap(blocks.get(0), 1)));

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("README.md:6: ").contains("nameLength");
  }

  private List<String> compile(List<Unit> units) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK compiler (tests must run on a JDK)").isNotNull();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> errors = new ArrayList<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      List<JavaFileObject> sources = new ArrayList<>();
      for (Unit unit : units) sources.add(source(unit));
      List<String> options =
          List.of("--release", "17", "-proc:none", "-classpath", ChildJvm.testClassPath());
      boolean ok = javac
          .getTask(new StringWriter(), files, diagnostics, options, null, sources)
          .call();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR) continue;
        errors.add(where(units, d) + d.getMessage(Locale.ROOT));
      }
      if (!ok && errors.isEmpty()) errors.add("javac failed without an error message");
    }
    return errors;
  }

  private static String where(List<Unit> units, Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() == null) return "";
    for (Unit unit : units) {
      if (!d.getSource().getName().endsWith(unit.className() + ".java")) continue;
      int line = (int) d.getLineNumber();
      int readmeLine =
          line >= 1 && line <= unit.readmeLines().size() ? unit.readmeLines().get(line - 1) : 0;
      return "README.md:"
          + (readmeLine == 0
              ? "(wrapper of " + unit.className() + ", line " + line + ")"
              : readmeLine)
          + ": ";
    }
    return d.getSource().getName() + ":" + d.getLineNumber() + ": ";
  }

  private static JavaFileObject source(Unit unit) {
    return new SimpleJavaFileObject(
        URI.create("string:///readme/" + unit.className() + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return unit.source();
      }
    };
  }
}
