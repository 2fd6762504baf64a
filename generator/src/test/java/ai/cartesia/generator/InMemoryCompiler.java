package ai.cartesia.generator;

import com.palantir.javapoet.JavaFile;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
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

/**
 * Compiles generated files with javac, in the test's JVM, against the test class path (which
 * holds sdk-core and its libraries), and loads the result.
 */
public final class InMemoryCompiler {

  private InMemoryCompiler() {}

  /** The outcome: the errors and warnings javac reported, and a loader for the classes. */
  public record Compilation(List<String> errors, List<String> warnings, ClassLoader classes) {}

  public static Compilation compile(List<JavaFile> files, Path outputDirectory) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Files.createDirectories(outputDirectory);
    try (StandardJavaFileManager manager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      manager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(outputDirectory.toFile()));
      List<JavaFileObject> sources = new ArrayList<>();
      for (JavaFile file : files) sources.add(source(file));
      List<String> options = List.of(
          "--release",
          "17",
          "-Xlint:all,-serial,-processing",
          "-classpath",
          testClassPath(),
          "-proc:none");
      boolean ok = javac
          .getTask(new StringWriter(), manager, diagnostics, options, null, sources)
          .call();
      List<String> errors = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        String where =
            d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
        String text = where + d.getMessage(Locale.ROOT);
        if (d.getKind() == Diagnostic.Kind.ERROR) errors.add(text);
        else if (d.getKind() == Diagnostic.Kind.WARNING
            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) warnings.add(text);
      }
      if (!ok && errors.isEmpty()) errors.add("javac failed without a diagnostic");
      ClassLoader loader = new URLClassLoader(
          new URL[] {outputDirectory.toUri().toURL()}, InMemoryCompiler.class.getClassLoader());
      return new Compilation(errors, warnings, loader);
    }
  }

  private static JavaFileObject source(JavaFile file) {
    String path = file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
    return new SimpleJavaFileObject(
        java.net.URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return file.toString();
      }
    };
  }

  /** Surefire may hide the class path in a manifest-only jar; it also publishes it here. */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String classPath =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    return String.join(File.pathSeparator, classPath.split(File.pathSeparator));
  }
}
