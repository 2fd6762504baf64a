package ai.cartesia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
 * {@code CARTESIA_API_KEY}. The generated builder reads the real environment ({@code System.getenv})
 * and offers no hook to replace it, so each case runs in a child JVM whose environment the test sets;
 * this JVM's environment is never touched.
 */
@Timeout(120)
class ApiKeyEnvironmentTest {

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
  void theBuilderReadsTheKeyFromCartesiaApiKey() throws Exception {
    ChildJvm.Result result = ChildJvm.run(
        EnvironmentKeyMain.class,
        SMALL_JVM,
        env -> env.put("CARTESIA_API_KEY", "sk_env_DO_NOT_LEAK_456"),
        server.baseUrl());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("voice: From env")
        .doesNotContain("sk_env_DO_NOT_LEAK_456");
    server.verify(
        1,
        getRequestedFor(urlEqualTo("/voices/env-check"))
            .withHeader("X-API-Key", equalTo("sk_env_DO_NOT_LEAK_456")));
  }

  @Test
  void aKeyGivenToTheBuilderWinsOverTheEnvironment() throws Exception {
    ChildJvm.Result result = ChildJvm.run(
        EnvironmentKeyMain.class,
        SMALL_JVM,
        env -> env.put("CARTESIA_API_KEY", "sk_env_456"),
        server.baseUrl(),
        "sk_explicit_789");

    assertThat(result.exitCode()).as(result.output()).isZero();
    server.verify(
        1,
        getRequestedFor(urlEqualTo("/voices/env-check"))
            .withHeader("X-API-Key", equalTo("sk_explicit_789")));
  }

  @Test
  void withoutAKeyBuildingFailsAndNamesTheVariable() throws Exception {
    ChildJvm.Result result = ChildJvm.run(
        EnvironmentKeyMain.class,
        SMALL_JVM,
        env -> env.remove("CARTESIA_API_KEY"),
        server.baseUrl());

    assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
    assertThat(result.output()).contains("cannot build:").contains("CARTESIA_API_KEY");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aBlankVariableCountsAsNoKey() throws Exception {
    ChildJvm.Result result = ChildJvm.run(
        EnvironmentKeyMain.class,
        SMALL_JVM,
        env -> env.put("CARTESIA_API_KEY", "  "),
        server.baseUrl());

    assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
    assertThat(result.output()).contains("CARTESIA_API_KEY");
  }
}
