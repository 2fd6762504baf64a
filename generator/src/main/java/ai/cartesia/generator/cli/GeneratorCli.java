package ai.cartesia.generator.cli;

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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return new CommandLine(new GeneratorCli()).execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command, such as 'generate'.");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = GeneratorCli.class.getPackage().getImplementationVersion();
      return new String[] {"generator " + (version == null ? "dev" : version)};
    }
  }
}
