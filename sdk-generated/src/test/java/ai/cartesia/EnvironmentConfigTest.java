package ai.cartesia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code CARTESIA_BASE_URL} and {@code CARTESIA_LOG} through the generated builder, in child JVMs
 * whose environment the test sets (this JVM's is never touched). The precedence rules themselves
 * are tested in sdk-core with an injected environment.
 */
@Timeout(120)
class EnvironmentConfigTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final List<String> SMALL_JVM =
      List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  @BeforeEach
  void stub() {
    server.stubFor(get("/voices/env-check")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"id\":\"env-check\",\"is_owner\":true,\"name\":\"From env\",\"description\":\"d\","
                    + "\"created_at\":\"2024-11-13T07:06:22Z\",\"language\":\"en\"}")));
  }

  @Test
  void theBaseUrlComesFromTheEnvironmentAndTheLogIsTurnedOnByIt() throws Exception {
    ChildJvm.Result result = ChildJvm.run(EnvironmentConfigMain.class, SMALL_JVM, env -> {
      env.put("CARTESIA_BASE_URL", server.baseUrl());
      env.put("CARTESIA_LOG", "debug");
    });

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("voice: From env")
        .contains("<-- 200 GET " + server.baseUrl() + "/voices/env-check")
        .contains("X-API-Key: [redacted]")
        .doesNotContain(EnvironmentConfigMain.API_KEY);
    server.verify(1, getRequestedFor(urlEqualTo("/voices/env-check")));
  }

  @Test
  void theBuildersBaseUrlWinsOverTheEnvironmentAndWithoutCartesiaLogNothingIsLogged()
      throws Exception {
    ChildJvm.Result result = ChildJvm.run(
        EnvironmentConfigMain.class,
        SMALL_JVM,
        env -> {
          env.put("CARTESIA_BASE_URL", "http://127.0.0.1:9/not-this-one");
          env.remove("CARTESIA_LOG");
        },
        server.baseUrl());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("voice: From env")
        .doesNotContain("<--")
        .doesNotContain("-->");
    server.verify(1, getRequestedFor(urlEqualTo("/voices/env-check")));
  }

  @Test
  void withoutEitherTheDefaultApplies() throws Exception {
    // The call itself would leave loopback, so this case only builds: the second line is never
    // reached.
    ChildJvm.Result result =
        ChildJvm.run(BaseUrlOnlyMain.class, SMALL_JVM, env -> env.remove("CARTESIA_BASE_URL"));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output().strip()).isEqualTo(Cartesia.DEFAULT_BASE_URL + "/");
  }

  @Test
  void anEnvironmentValueThatIsNoUrlFailsTheBuildNamingTheVariable() throws Exception {
    ChildJvm.Result result = ChildJvm.run(
        EnvironmentConfigMain.class,
        SMALL_JVM,
        env -> env.put("CARTESIA_BASE_URL", "localhost:8080"));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
    assertThat(result.output())
        .contains("cannot build:")
        .contains("CARTESIA_BASE_URL")
        .contains("localhost:8080");
  }

  /** Prints the base URL a client built from the environment would use, and calls nothing. */
  public static final class BaseUrlOnlyMain {
    public static void main(String[] args) {
      try (Cartesia client = Cartesia.builder().apiKey("sk_unused").build()) {
        System.out.println(client.options().baseUrl());
      }
    }
  }
}
