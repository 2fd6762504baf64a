package ai.cartesia.generator.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMojoTest {

  @TempDir
  Path dir;

  private GenerateMojo mojo(Path spec) {
    GenerateMojo mojo = new GenerateMojo();
    mojo.spec = spec.toFile();
    mojo.packageName = "com.example.pets";
    mojo.outputDirectory = dir.resolve("target/generated-sources/cartesia").toFile();
    mojo.addCompileSourceRoot = true;
    mojo.project = new MavenProject();
    return mojo;
  }

  private Path spec(String yaml) throws IOException {
    Path spec = dir.resolve("pets.yaml");
    Files.writeString(spec, yaml);
    return spec;
  }

  @Test
  void generatesIntoTheOutputDirectoryAndAddsItToTheCompileSources() throws Exception {
    GenerateMojo mojo = mojo(spec("""
        openapi: 3.0.3
        info: {title: Pets, version: '1'}
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              tags: [pets]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: the pet
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: {type: string}
        """));

    mojo.execute();

    Path out = mojo.outputDirectory.toPath();
    assertThat(out.resolve("com/example/pets/model/Pet.java")).exists();
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files
              .filter(f -> f.toString().endsWith("Client.java"))
              .map(f -> f.getFileName().toString()))
          // The root client of a spec titled "Pets" and the client of its tag "pets" both want the
          // name PetsClient, in one package: the resource's gives way.
          .contains("PetsClient.java", "PetsResourceClient.java");
    }
    assertThat(mojo.project.getCompileSourceRoots()).containsExactly(out.toString());
  }

  @Test
  void aBrokenSpecFailsTheBuildNamingTheProblem() throws Exception {
    GenerateMojo mojo = mojo(spec("""
        openapi: 3.0.3
        info: {title: Pets, version: '1'}
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              properties:
                owner: {$ref: '#/components/schemas/Nobody'}
        """));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("pets.yaml");
    assertThat(mojo.project.getCompileSourceRoots()).isEmpty();
  }

  private static final String PETS = """
      openapi: 3.0.3
      info: {title: Pets, version: '1'}
      paths:
        /pets/{id}:
          get:
            operationId: getPet
            tags: [pets]
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: the pet
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
      components:
        schemas:
          Pet:
            type: object
            required: [name]
            properties:
              name: {type: string}
      """;

  @Test
  void checkCompilesTheGeneratedSourcesAgainstTheProjectsClassPath() throws Exception {
    GenerateMojo mojo = mojo(spec(PETS));
    mojo.check = true;
    mojo.classpathElements = testClassPath();

    mojo.execute();

    assertThat(mojo.project.getCompileSourceRoots()).hasSize(1);
  }

  @Test
  void checkFailsTheBuildWhenTheGeneratedSourcesDoNotCompile() throws Exception {
    // A runtime of one class: the generated code names the rest of sdk-core, which is missing.
    Path runtime = dir.resolve("partial-runtime/ai/cartesia/core");
    Files.createDirectories(runtime);
    try (var in = ai.cartesia.core.ClientOptions.class.getResourceAsStream("ClientOptions.class")) {
      Files.copy(in, runtime.resolve("ClientOptions.class"));
    }
    GenerateMojo mojo = mojo(spec(PETS));
    mojo.check = true;
    mojo.classpathElements = List.of(dir.resolve("partial-runtime").toString());

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("does not compile")
        .hasMessageContaining("each at its spec location");
    assertThat(mojo.project.getCompileSourceRoots()).isEmpty();
  }

  @Test
  void checkWithoutTheRuntimeSaysWhatIsMissing() throws Exception {
    GenerateMojo mojo = mojo(spec(PETS));
    mojo.check = true;
    mojo.classpathElements = List.of(dir.toString());

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("cartesia-java-core");
  }

  /** Surefire may hide the class path in a manifest-only jar; it also publishes it here. */
  private static List<String> testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String classPath =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    return List.of(classPath.split(File.pathSeparator));
  }

  @Test
  void skipGeneratesNothing() throws Exception {
    GenerateMojo mojo = mojo(dir.resolve("missing.yaml"));
    mojo.skip = true;
    mojo.execute();
    assertThat(new File(mojo.outputDirectory.getPath())).doesNotExist();
  }
}
