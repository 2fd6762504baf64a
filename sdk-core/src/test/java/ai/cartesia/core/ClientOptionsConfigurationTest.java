package ai.cartesia.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.observe.LogLevel;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the base URL and the log level come from, the user agent's app name, and the proxy. */
class ClientOptionsConfigurationTest {

  private static ClientOptions.Builder options(Map<String, String> environment) {
    Function<String, String> lookup = environment::get;
    return ClientOptions.builder()
        .environment(lookup)
        .defaultBaseUrl("https://api.example.test")
        .baseUrlEnvironmentVariable("EXAMPLE_BASE_URL")
        .userAgent("example-java/1.0");
  }

  @Test
  void withoutBuilderValueOrEnvironmentTheDefaultBaseUrlApplies() {
    assertThat(options(Map.of()).build().baseUrl()).hasToString("https://api.example.test/");
  }

  @Test
  void theEnvironmentWinsOverTheDefault() {
    ClientOptions options =
        options(Map.of("EXAMPLE_BASE_URL", " http://127.0.0.1:8080/proxy \n")).build();
    assertThat(options.baseUrl()).hasToString("http://127.0.0.1:8080/proxy/");
  }

  @Test
  void theBuilderWinsOverTheEnvironment() {
    ClientOptions options = options(Map.of("EXAMPLE_BASE_URL", "http://127.0.0.1:8080"))
        .baseUrl("http://localhost:9999")
        .build();
    assertThat(options.baseUrl()).hasToString("http://localhost:9999/");
  }

  @Test
  void aBlankEnvironmentValueCountsAsUnset() {
    assertThat(options(Map.of("EXAMPLE_BASE_URL", "  ")).build().baseUrl())
        .hasToString("https://api.example.test/");
  }

  @Test
  void anEnvironmentValueThatIsNoUrlNamesTheVariable() {
    assertThatThrownBy(
            () -> options(Map.of("EXAMPLE_BASE_URL", "api.example.test")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("EXAMPLE_BASE_URL")
        .hasMessageContaining("\"api.example.test\"")
        .hasMessageContaining("baseUrl(...)");
  }

  @Test
  void theLogLevelComesFromTheEnvironmentUnlessSetInCode() {
    assertThat(options(Map.of()).build().logLevel()).isEmpty();
    assertThat(options(Map.of("CARTESIA_LOG", "Debug")).build().logLevel())
        .contains(LogLevel.DEBUG);
    assertThat(options(Map.of("CARTESIA_LOG", "info")).build().logLevel()).contains(LogLevel.INFO);
    assertThat(options(Map.of("CARTESIA_LOG", "debug"))
            .logLevel(LogLevel.OFF)
            .build()
            .logLevel())
        .contains(LogLevel.OFF);
    // A value that means nothing is ignored (and warned about), never a reason to fail.
    assertThat(options(Map.of("CARTESIA_LOG", "verbose")).build().logLevel()).isEmpty();
  }

  @Test
  void theAppNameFollowsTheSdksOwnProduct() {
    assertThat(options(Map.of()).build().userAgent()).isEqualTo("example-java/1.0");
    ClientOptions options = options(Map.of()).appName("my-agent/1.2").build();
    assertThat(options.userAgent()).isEqualTo("example-java/1.0 my-agent/1.2");
    assertThat(options.appName()).contains("my-agent/1.2");
    assertThat(options(Map.of()).appName("acme-bot/2.0 voice_kit").build().userAgent())
        .isEqualTo("example-java/1.0 acme-bot/2.0 voice_kit");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " my-agent",
        "my agent/1.2 ",
        "my-agent/1.2\r\nX-Evil: 1",
        "agent/",
        "a//b",
        "caf\u00e9/1",
        "a(b)",
        "a  b"
      })
  void anAppNameThatIsNoHeaderSafeProductIsRefused(String appName) {
    assertThatThrownBy(() -> options(Map.of()).appName(appName))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("my-agent/1.2");
  }

  @Test
  void theProxyAndItsCredentialsAreKeptAndThePasswordNeverShown() {
    Proxy proxy =
        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example.test", 3128));
    ClientOptions options =
        options(Map.of()).proxy(proxy).proxyCredentials("alice", "pa55word").build();

    assertThat(options.proxy()).contains(proxy);
    assertThat(options.proxyUser()).contains("alice");
    assertThat(options.proxyPassword().orElseThrow().reveal()).isEqualTo("pa55word");
    assertThat(options.toString()).contains("proxy.example.test").doesNotContain("pa55word");
    assertThat(options.toBuilder().build().proxyPassword().orElseThrow().reveal())
        .isEqualTo("pa55word");
  }
}
