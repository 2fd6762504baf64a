package ai.cartesia.generator.cli;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.ModelDump;
import ai.cartesia.generator.check.CompileCheck;
import ai.cartesia.generator.read.SpecException;
import ai.cartesia.generator.read.SpecProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reads a spec and writes the generated Java under a source folder. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Reads an OpenAPI document and writes Java sources.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:generated",
      "1:the spec has errors, or the output could not be written",
      "2:wrong usage",
      "3:--check: the generated Java does not compile"
    })
final class GenerateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec command;

  @Option(
      names = "--spec",
      required = true,
      paramLabel = "FILE",
      description = "The OpenAPI 3 document (YAML or JSON).")
  Path spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The source root to write into, such as src/main/java.")
  Path out;

  @Option(
      names = "--package",
      paramLabel = "NAME",
      defaultValue = "ai.cartesia",
      description = "The root package of the generated code (default: ${DEFAULT-VALUE}).")
  String rootPackage;

  @Option(
      names = "--client-name",
      paramLabel = "NAME",
      description =
          "The name of the top-level client class (default: the spec's x-client-name, else from its title).")
  String clientName;

  @Option(
      names = "--dump-model",
      paramLabel = "FILE",
      description =
          "Also write the intermediate model as JSON, for debugging the spec or the generator.")
  Path dumpModel;

  @Option(
      names = "--check",
      description =
          "Compile the generated Java in process (Java 17) and report each error at the spec location"
              + " that caused it; exit 3 if it does not compile.")
  boolean check;

  @Option(
      names = "--classpath",
      paramLabel = "PATH",
      description = "What --check compiles against: cartesia-java-core and its dependencies"
          + " (default: this command's own class path).")
  String classPath;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print errors only.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter err = command.commandLine().getErr();
    PrintWriter out = command.commandLine().getOut();
    try {
      // The check compiles every file's text, so only then is all of it kept in memory.
      Generator.Output checked = null;
      Generator.Written written;
      if (check) {
        checked = Generator.generateTo(spec, this.out, rootPackage, clientName);
        written = new Generator.Written(
            checked.model(), List.copyOf(checked.sources().keySet()), checked.warnings());
      } else {
        written = Generator.writeTo(spec, this.out, rootPackage, clientName);
      }
      if (dumpModel != null) {
        if (dumpModel.toAbsolutePath().getParent() != null)
          Files.createDirectories(dumpModel.toAbsolutePath().getParent());
        Files.writeString(dumpModel, ModelDump.toJson(written.model()), StandardCharsets.UTF_8);
      }
      if (!quiet) {
        for (SpecProblem warning : written.warnings()) err.println(warning.format(spec.toString()));
      }
      if (checked != null) {
        List<SpecProblem> errors = CompileCheck.check(
            checked, rootPackage, classPath != null ? classPath : CompileCheck.currentClassPath());
        if (!errors.isEmpty()) {
          for (SpecProblem error : errors) err.println(error.format(spec.toString()));
          err.println(errors.size() + " compile error(s) in the "
              + written.files().size() + " files generated from " + spec + " into " + this.out);
          return 3;
        }
      }
      if (!quiet) {
        out.println("generated " + written.files().size() + " files from " + spec + " into "
            + this.out + (check ? ", and they compile" : ""));
      }
      return 0;
    } catch (SpecException e) {
      for (SpecProblem problem : e.problems()) err.println(problem.format(e.file()));
      return 1;
    } catch (CompileCheck.Unavailable e) {
      err.println("cannot check the output: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("cannot write the output: " + e);
      return 1;
    }
  }
}
