package ai.cartesia.generator.check;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles sources held in memory with the JDK's javac, in this JVM, and says for each error the
 * file, line, and the innermost type and method around it.
 */
final class InProcessJavac {

  /**
   * One compile error.
   *
   * @param file the source's path under the source root
   * @param types the simple names of the types around the error, outermost first
   * @param method the method around the error, if it is inside one
   */
  record Error(Path file, long line, List<String> types, Optional<String> method, String message) {}

  private InProcessJavac() {}

  /**
   * Compiles {@code sources} (text by path under the source root) for Java 17 against {@code
   * classPath}. With no {@code classOutput} the sources are only analysed (every error javac can
   * find, no class files written), which is faster and lighter.
   */
  static List<Error> compile(
      SortedMap<Path, String> sources, String classPath, Optional<Path> classOutput)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new CompileCheck.Unavailable(
          "this Java runtime has no compiler (run the generator on a JDK, not a JRE)");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager manager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      if (classOutput.isPresent()) {
        Files.createDirectories(classOutput.get());
        manager.setLocation(
            StandardLocation.CLASS_OUTPUT, List.of(classOutput.get().toFile()));
      }
      Map<URI, Path> paths = new HashMap<>();
      List<JavaFileObject> units = new ArrayList<>();
      for (var source : sources.entrySet()) {
        URI uri = URI.create("string:///" + slashes(source.getKey()));
        paths.put(uri, source.getKey());
        units.add(new Source(uri, source.getValue()));
      }
      List<String> options = List.of(
          "--release",
          "17",
          "-proc:none",
          "-implicit:none",
          "-nowarn",
          // Every error counts, not javac's first hundred; a thousand say enough.
          "-Xmaxerrs",
          "1000",
          "-classpath",
          classPath);
      JavacTask task =
          (JavacTask) javac.getTask(new StringWriter(), manager, diagnostics, options, null, units);
      // Asked for before generating: the task lets go of its context once it has written classes.
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      Iterable<? extends CompilationUnitTree> trees = task.parse();
      if (classOutput.isPresent()) task.generate();
      else task.analyze();
      Map<URI, CompilationUnitTree> byUri = new HashMap<>();
      for (CompilationUnitTree tree : trees) byUri.put(tree.getSourceFile().toUri(), tree);
      List<Error> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR) continue;
        String message = d.getMessage(Locale.ROOT);
        if (d.getSource() == null) {
          errors.add(new Error(Path.of(""), 0, List.of(), Optional.empty(), message));
          continue;
        }
        URI uri = d.getSource().toUri();
        Enclosing around = new Enclosing(positions, d.getPosition());
        CompilationUnitTree tree = byUri.get(uri);
        if (tree != null) around.scan(tree, null);
        errors.add(new Error(
            paths.getOrDefault(uri, Path.of(uri.getPath())),
            d.getLineNumber(),
            List.copyOf(around.types),
            Optional.ofNullable(around.method),
            message));
      }
      return errors;
    }
  }

  private static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }

  /** The types and method whose source range holds a position. */
  private static final class Enclosing extends TreePathScanner<Void, Void> {
    private final SourcePositions positions;
    private final long position;
    final List<String> types = new ArrayList<>();
    String method;

    Enclosing(SourcePositions positions, long position) {
      this.positions = positions;
      this.position = position;
    }

    private boolean holds(Tree tree) {
      CompilationUnitTree unit = getCurrentPath().getCompilationUnit();
      long start = positions.getStartPosition(unit, tree);
      long end = positions.getEndPosition(unit, tree);
      return start <= position && position < end;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      if (!holds(tree)) return null;
      // Anonymous classes have no name; the method around them is still the place to report.
      if (!tree.getSimpleName().isEmpty()) {
        types.add(tree.getSimpleName().toString());
        method = null;
      }
      return super.visitClass(tree, unused);
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      if (!holds(tree)) return null;
      method = tree.getName().toString();
      return super.visitMethod(tree, unused);
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(URI uri, String text) {
      super(uri, Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
