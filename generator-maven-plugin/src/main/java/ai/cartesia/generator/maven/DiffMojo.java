package ai.cartesia.generator.maven;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.diff.ChangeReport;
import ai.cartesia.generator.diff.JsonReport;
import ai.cartesia.generator.diff.MarkdownReport;
import ai.cartesia.generator.read.SpecException;
import ai.cartesia.generator.read.SpecProblem;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reports what changes for Java callers between an earlier spec and the current one (the
 * generator's {@code diff}), writes the report, and fails the build on a breaking change, or on a
 * version bump smaller than the changes call for, unless told not to.
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class DiffMojo extends AbstractMojo {

  /** The earlier spec: the one the last release was generated from. */
  @Parameter(property = "cartesia.generator.oldSpec", required = true)
  File oldSpec;

  /** The current spec. */
  @Parameter(property = "cartesia.generator.spec", required = true)
  File spec;

  /** {@code markdown} or {@code json}. */
  @Parameter(property = "cartesia.generator.diffFormat", defaultValue = "markdown")
  String format;

  /** Where the report is written. */
  @Parameter(
      property = "cartesia.generator.diffReport",
      defaultValue = "${project.build.directory}/cartesia-api-changes.md")
  File report;

  /** Fails the build when something breaks Java callers. */
  @Parameter(property = "cartesia.generator.failOnBreaking", defaultValue = "true")
  boolean failOnBreaking;

  /** The version released from {@link #oldSpec}; with {@link #nextVersion}, the bump is checked. */
  @Parameter(property = "cartesia.generator.previousVersion")
  String previousVersion;

  /** The version about to be released from {@link #spec}. */
  @Parameter(property = "cartesia.generator.nextVersion", defaultValue = "${project.version}")
  String nextVersion;

  /** Also says what a maintainer does next, from the bump the changes call for (the main job sets this). */
  @Parameter(property = "cartesia.generator.printNextSteps", defaultValue = "false")
  boolean printNextSteps;

  @Parameter(property = "cartesia.generator.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) return;
    ChangeReport changes;
    try {
      changes = Generator.diff(oldSpec.toPath(), spec.toPath());
    } catch (SpecException e) {
      for (SpecProblem problem : e.problems()) getLog().error(problem.format(e.file()));
      throw new MojoFailureException(
          e.file() + " has " + e.problems().size() + " problem(s); see the lines above");
    }
    String markdown = MarkdownReport.of(changes);
    String text = "json".equals(format) ? JsonReport.of(changes) : markdown;
    try {
      if (report.getParentFile() != null)
        Files.createDirectories(report.getParentFile().toPath());
      Files.writeString(report.toPath(), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the report to " + report, e);
    }
    for (String line : markdown.split("\n")) getLog().info(line);
    getLog().info("The report is in " + report);
    if (printNextSteps) nextSteps(changes);

    if (previousVersion != null && !previousVersion.isBlank()) {
      ChangeReport.VersionCheck check = changes.checkVersions(previousVersion, nextVersion);
      if (!check.covers()) {
        throw new MojoFailureException(
            "version " + nextVersion + " is a " + check.actual().label() + " bump from "
                + previousVersion + ", but the API changes call for a "
                + check.required().label()
                + " bump: set the version to"
                + " what the report in " + report + " calls for");
      }
      getLog()
          .info("Version " + nextVersion + " after " + previousVersion + " covers the changes ("
              + check.required().label() + " bump needed)");
      return;
    }
    if (failOnBreaking && !changes.breaking().isEmpty()) {
      throw new MojoFailureException(
          changes.breaking().size() + " change(s) break Java callers; see " + report
              + " (set failOnBreaking to false to report without failing)");
    }
  }

  private void nextSteps(ChangeReport changes) {
    getLog().info("Next:");
    getLog().info("  1. Review the report above and `git diff` of the generated sources.");
    getLog()
        .info("  2. Set the version in the root pom's <revision> to a "
            + changes.bump().label()
            + " bump from the last release (before 1.0.0, a breaking change is a minor bump).");
    getLog().info("  3. Add the report's changes to CHANGELOG.md under the new version.");
    getLog()
        .info(
            "  4. Run `mvn -B verify -Dcartesia.previous.release=<last version>`: it fails if the bump is too small.");
  }
}
