package ai.cartesia.generator.read;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.InMemoryCompiler;
import ai.cartesia.generator.model.Security;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the reader names credential and server settings, and what it cannot send. */
class SecurityAndServersTest {

  @TempDir
  Path temp;

  @Test
  void settingsNamedFromTheSpecKeepClearOfTheBuildersOwn() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Clash, version: '1'}
        servers:
          - url: 'https://{proxy}.example.com'
            variables:
              proxy: {default: edge}
        security:
          - timeout: []
            apiKey: []
        paths:
          /ping:
            get:
              responses: {'204': {description: ok}}
        components:
          securitySchemes:
            timeout: {type: apiKey, in: header, name: X-Timeout-Key}
            apiKey: {type: apiKey, in: query, name: key}
        """);

    assertThat(output.model().security().credentials())
        .extracting(Security.Credential::name)
        .containsExactly("timeout2", "apiKey");
    assertThat(output.model().server().orElseThrow().variables().get(0).javaName())
        .isEqualTo("proxy2");
    assertCompiles(output);
  }

  @Test
  void aServerWithAnUndeclaredVariableOrARelativeUrlIsNotTheDefault() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Servers, version: '1'}
        servers:
          - url: /relative
          - url: 'https://{tenant}.example.com'
          - url: https://fallback.example.com/api
        paths: {}
        """);

    assertThat(output.model().defaultBaseUrl()).contains("https://fallback.example.com/api");
    assertThat(output.warnings())
        .extracting(SpecProblem::location)
        .containsExactly("#/servers/0/url", "#/servers/1/url");
  }

  @Test
  void aDocumentWithoutServersHasNoDefaultAndNoWarning() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.0.3
        info: {title: Servers, version: '1'}
        paths: {}
        """);

    assertThat(output.model().defaultBaseUrl()).isEmpty();
    assertThat(output.warnings()).isEmpty();
  }

  @Test
  void anOperationWhoseOnlySchemeCannotBeSentSendsNothingAndSaysWhy() throws Exception {
    Generator.Output output = generate("""
        openapi: 3.1.0
        info: {title: Tls, version: '1'}
        security:
          - Mtls: []
        paths:
          /ping:
            get:
              responses: {'204': {description: ok}}
        components:
          securitySchemes:
            Mtls: {type: mutualTLS}
        """);

    assertThat(output.model().security().credentials()).isEmpty();
    assertThat(output.model().resources().get(0).operations().get(0).security()).isEmpty();
    assertThat(output.warnings()).anySatisfy(w -> {
      assertThat(w.location()).isEqualTo("#/components/securitySchemes/Mtls");
      assertThat(w.message()).contains("httpClient(...)");
    });
    assertCompiles(output);
  }

  private Generator.Output generate(String yaml) throws Exception {
    Path spec = Files.createTempFile(temp, "spec", ".yaml");
    Files.writeString(spec, yaml);
    return Generator.generate(spec, "com.example.security", null);
  }

  private void assertCompiles(Generator.Output output) throws Exception {
    InMemoryCompiler.Compilation compilation =
        InMemoryCompiler.compile(output.files(), temp.resolve("classes"));
    assertThat(compilation.errors()).isEmpty();
    assertThat(compilation.warnings()).isEmpty();
  }
}
