package ai.cartesia.generator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar generator.jar generate --spec FILE --out DIR [--package NAME]}. */
@Command(
    name = "generator",
    mixinStandardHelpOptions = true,
    versionProvider = GeneratorCli.Version.class,
    description = "Generates a Java SDK from an OpenAPI document.",
    subcommands = {GenerateCommand.class, DiffCommand.class})
public final class GeneratorCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return new CommandLine(new GeneratorCli()).execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing a command, such as 'generate'.");
  }

  /**
   * The jar manifest's {@code Implementation-Version}, or, when run from classes (tests, IDEs),
   * the {@code version.properties} the build filled in next to this class.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"generator " + version()};
    }

    static String version() {
      String version = GeneratorCli.class.getPackage().getImplementationVersion();
      if (version != null && !version.isBlank()) return version;
      try (InputStream in = GeneratorCli.class.getResourceAsStream("version.properties")) {
        if (in == null) return "dev";
        Properties properties = new Properties();
        properties.load(in);
        String fromBuild = properties.getProperty("version", "").strip();
        return fromBuild.isEmpty() || fromBuild.startsWith("${") ? "dev" : fromBuild;
      } catch (IOException unreadable) {
        return "dev";
      }
    }
  }
}
