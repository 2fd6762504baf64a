package ai.cartesia.generator.maven;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.check.CompileCheck;
import ai.cartesia.generator.read.SpecException;
import ai.cartesia.generator.read.SpecProblem;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Generates Java from an OpenAPI document and adds it to the project's compile sources, as
 * {@code openapi-generator-maven-plugin} users expect: run in {@code generate-sources}, write under
 * {@code target/generated-sources}, compile with the rest of the project.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.GENERATE_SOURCES,
    threadSafe = true,
    // The check compiles against the project's dependencies, which then must be resolved.
    requiresDependencyResolution = ResolutionScope.COMPILE)
public class GenerateMojo extends AbstractMojo {

  /** The OpenAPI document (YAML or JSON; Swagger 2.0 is converted). */
  @Parameter(property = "cartesia.generator.spec", required = true)
  File spec;

  /** The root package of the generated code; models go to {@code <packageName>.model}. */
  @Parameter(property = "cartesia.generator.packageName", required = true)
  String packageName;

  /** The source root to write into. Files the generator made before and no longer makes are deleted. */
  @Parameter(
      property = "cartesia.generator.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/cartesia")
  File outputDirectory;

  /** The name of the top-level client class (default: the spec's {@code x-client-name}, else its title). */
  @Parameter(property = "cartesia.generator.clientName")
  String clientName;

  /** Adds {@link #outputDirectory} to the project's compile source roots. */
  @Parameter(property = "cartesia.generator.addCompileSourceRoot", defaultValue = "true")
  boolean addCompileSourceRoot;

  /**
   * Compiles the generated Java right away, against the project's compile class path (which holds
   * {@code cartesia-java-core}), and fails the build with each compile error at the spec location
   * that caused it.
   */
  @Parameter(property = "cartesia.generator.check", defaultValue = "false")
  boolean check;

  @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true)
  List<String> classpathElements;

  @Parameter(property = "cartesia.generator.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping generation (cartesia.generator.skip)");
      return;
    }
    try {
      // The check compiles every file's text, so only then is all of it kept in memory.
      int files;
      if (check) {
        Generator.Output output =
            Generator.generateTo(spec.toPath(), outputDirectory.toPath(), packageName, clientName);
        logWarnings(output.warnings());
        files = output.files().size();
        check(output);
      } else {
        Generator.Written written =
            Generator.writeTo(spec.toPath(), outputDirectory.toPath(), packageName, clientName);
        logWarnings(written.warnings());
        files = written.files().size();
      }
      getLog().info("Generated " + files + " files from " + spec + " into " + outputDirectory);
    } catch (SpecException e) {
      for (SpecProblem problem : e.problems()) getLog().error(problem.format(e.file()));
      throw new MojoFailureException(
          spec + " has " + e.problems().size() + " problem(s); see the lines above");
    } catch (CompileCheck.Unavailable e) {
      throw new MojoExecutionException("cannot check the generated sources: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot write the generated sources to " + outputDirectory, e);
    }
    if (addCompileSourceRoot) project.addCompileSourceRoot(outputDirectory.getPath());
  }

  private void logWarnings(List<SpecProblem> warnings) {
    for (SpecProblem warning : warnings) getLog().warn(warning.format(spec.toString()));
  }

  private void check(Generator.Output output) throws IOException, MojoFailureException {
    List<String> elements = classpathElements == null ? List.of() : classpathElements;
    List<SpecProblem> errors =
        CompileCheck.check(output, packageName, String.join(File.pathSeparator, elements));
    if (errors.isEmpty()) return;
    for (SpecProblem error : errors) getLog().error(error.format(spec.toString()));
    throw new MojoFailureException("the Java generated from " + spec + " does not compile ("
        + errors.size() + " error(s), each at its spec location above)");
  }
}
