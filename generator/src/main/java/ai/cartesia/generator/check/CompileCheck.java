package ai.cartesia.generator.check;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.read.SpecProblem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles what the generator made, in this JVM, and turns every compile error into a problem at
 * the spec location that caused it: the generator must never report success for Java that does
 * not compile.
 */
public final class CompileCheck {

  /** A class of the runtime every generated SDK uses, to tell a missing class path from a bug. */
  private static final String RUNTIME_CLASS = "ai/cartesia/core/ClientOptions.class";

  private CompileCheck() {}

  /** The check cannot run: no compiler in this Java runtime, or no runtime on the class path. */
  public static final class Unavailable extends IOException {
    Unavailable(String message) {
      super(message);
    }
  }

  /**
   * The compile errors of the output, each located in the spec, in javac's order; empty when the
   * output compiles.
   *
   * @param rootPackage the root package the output was generated into
   * @param classPath the class path to compile against: cartesia-java-core and its libraries
   * @throws Unavailable when the class path lacks the runtime, or there is no compiler
   * @throws IOException when the classes cannot be written
   */
  public static List<SpecProblem> check(
      Generator.Output output, String rootPackage, String classPath) throws IOException {
    return check(output, rootPackage, classPath, Optional.empty());
  }

  /** As {@link #check(Generator.Output, String, String)}, also writing the classes under {@code classOutput}. */
  public static List<SpecProblem> check(
      Generator.Output output, String rootPackage, String classPath, Optional<Path> classOutput)
      throws IOException {
    requireRuntime(classPath);
    SpecLocations locations = new SpecLocations(output.model(), rootPackage);
    List<SpecProblem> problems = new ArrayList<>();
    for (InProcessJavac.Error error :
        InProcessJavac.compile(output.sources(), classPath, classOutput)) {
      String where = error.file().toString().replace('\\', '/') + ":" + error.line();
      problems.add(SpecProblem.error(
          locations.pointer(error),
          "the generated " + where + " does not compile: " + oneLine(error.message())));
    }
    return problems;
  }

  /** The class path this JVM runs with, as tests and a class path that holds the runtime have it. */
  public static String currentClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path", "");
  }

  private static void requireRuntime(String classPath) throws IOException {
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isBlank()) continue;
      Path path = Path.of(entry);
      if (Files.isDirectory(path) && Files.exists(path.resolve(RUNTIME_CLASS))) return;
      if (Files.isRegularFile(path) && holds(path)) return;
    }
    throw new Unavailable("the class path to check against lacks the runtime "
        + "(ai.cartesia:cartesia-java-core and its dependencies): pass it with --classpath");
  }

  private static boolean holds(Path jar) {
    try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
      return zip.getEntry(RUNTIME_CLASS) != null;
    } catch (IOException notAJar) {
      return false;
    }
  }

  /** javac's message on one line ("cannot find symbol; symbol: ...; location: ..."). */
  private static String oneLine(String message) {
    return String.join("; ", message.strip().split("\\s*\\R\\s*"));
  }
}
