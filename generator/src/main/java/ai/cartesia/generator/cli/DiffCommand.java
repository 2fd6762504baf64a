package ai.cartesia.generator.cli;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.diff.ChangeReport;
import ai.cartesia.generator.diff.JsonReport;
import ai.cartesia.generator.diff.MarkdownReport;
import ai.cartesia.generator.read.SpecException;
import ai.cartesia.generator.read.SpecProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generator diff --old A --new B}: what changes for Java callers, and the version bump it calls for. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Reports what changes in the generated SDK's public API between two versions of a spec, in Java terms,",
      "each change classified as breaking or not, and the semantic version bump the changes call for."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing breaks; with --previous-version and --next-version: the bump covers the changes",
      "1:a spec has errors, or the report could not be written",
      "2:wrong usage",
      "3:something breaks Java callers",
      "4:--previous-version to --next-version is a smaller bump than the changes call for"
    })
public final class DiffCommand implements Callable<Integer> {

  public static final int BREAKING = 3;
  public static final int BUMP_TOO_SMALL = 4;

  enum Format {
    markdown,
    json
  }

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Option(
      names = "--old",
      required = true,
      paramLabel = "FILE",
      description = "The earlier spec (the last release's).")
  Path older;

  @Option(names = "--new", required = true, paramLabel = "FILE", description = "The later spec.")
  Path newer;

  @Option(
      names = "--format",
      defaultValue = "markdown",
      paramLabel = "FORMAT",
      description = "markdown (default) or json.")
  Format format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report here instead of to standard output.")
  Path output;

  @Option(
      names = "--previous-version",
      paramLabel = "VERSION",
      description =
          "The SDK version released from --old; with --next-version, checks the bump is big enough.")
  String previousVersion;

  @Option(
      names = "--next-version",
      paramLabel = "VERSION",
      description = "The SDK version about to be released from --new.")
  String nextVersion;

  @Override
  public Integer call() {
    PrintWriter err = command.commandLine().getErr();
    ChangeReport report;
    try {
      report = Generator.diff(older, newer);
    } catch (SpecException e) {
      for (SpecProblem problem : e.problems()) err.println(problem.format(e.file()));
      return 1;
    }
    String text = format == Format.json ? JsonReport.of(report) : MarkdownReport.of(report);
    try {
      if (output == null) {
        command.commandLine().getOut().print(text);
        command.commandLine().getOut().flush();
      } else {
        Files.writeString(output, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      err.println("cannot write the report: " + e);
      return 1;
    }
    if (previousVersion != null || nextVersion != null) {
      Integer verdict = checkVersions(report, err);
      if (verdict != null) return verdict;
    }
    return report.breaking().isEmpty() ? 0 : BREAKING;
  }

  /** Null when the bump is big enough, else the exit status that says it is not. */
  private Integer checkVersions(ChangeReport report, PrintWriter err) {
    if (previousVersion == null || nextVersion == null) {
      err.println("--previous-version and --next-version go together");
      return 2;
    }
    ChangeReport.VersionCheck check = report.checkVersions(previousVersion, nextVersion);
    if (!check.covers()) {
      err.println("version " + nextVersion + " is a " + check.actual().label() + " bump from "
          + previousVersion + ", but the changes call for a " + check.required().label() + " bump");
      return BUMP_TOO_SMALL;
    }
    // The bump covers the changes, breaking ones included: the release may go ahead.
    return 0;
  }
}
