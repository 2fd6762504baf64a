package ai.cartesia;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a main class of the test sources in a new JVM, on the test class path. */
final class ChildJvm {

  /** How the child ended: its exit code and everything it printed. */
  record Result(int exitCode, String output) {}

  private ChildJvm() {}

  /** Surefire may hide the class path in a manifest-only jar; it also publishes it here. */
  static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String classPath =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    return String.join(File.pathSeparator, classPath.split(File.pathSeparator));
  }

  /**
   * Runs {@code main} with the JVM options and arguments; {@code environment} edits the child's
   * environment (a copy of this process's), never this process's own.
   */
  static Result run(
      Class<?> main,
      List<String> jvmOptions,
      Consumer<Map<String, String>> environment,
      String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(testClassPath());
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    environment.accept(builder.environment());
    Path log = Files.createTempFile("child-jvm", ".log");
    try {
      builder.redirectOutput(log.toFile());
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "the child JVM did not end within 60 s; it printed:\n" + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
