package ai.cartesia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.errors.SdkException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's threads never keep a JVM alive, and closing the client frees them. */
class ClientLifecycleTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static List<Thread> dispatcherThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("cartesia-okhttp-dispatcher-") && t.isAlive())
        .toList();
  }

  @Test
  void theSdksOwnDispatcherThreadsAreDaemonsAndCloseStopsThem() throws Exception {
    server.stubFor(get("/")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"ok\":true,\"version\":\"2024-11-13\"}")));
    List<Thread> before = dispatcherThreads();
    Cartesia client =
        Cartesia.builder().apiKey("sk_test").baseUrl(server.baseUrl()).build();

    assertThat(client.apiStatus().getAsync().get(5, TimeUnit.SECONDS).ok()).isTrue();
    List<Thread> ours = List.of();
    for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        ours.isEmpty() && System.nanoTime() < deadline; ) {
      ours = dispatcherThreads().stream().filter(t -> !before.contains(t)).toList();
    }
    assertThat(ours).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());

    client.close();
    for (Thread thread : ours) thread.join(5_000);
    assertThat(ours).noneMatch(Thread::isAlive);
  }

  @Test
  void closingLeavesTheCallersOwnOkHttpClientOpen() throws Exception {
    server.stubFor(get("/")
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"ok\":true,\"version\":\"2024-11-13\"}")));
    OkHttpClient shared = new OkHttpClient();
    try (Cartesia client = Cartesia.builder()
        .apiKey("sk_test")
        .baseUrl(server.baseUrl())
        .httpClient(shared)
        .build()) {
      assertThat(client.apiStatus().get().ok()).isTrue();
    }
    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
    shared.dispatcher().executorService().shutdown();
  }

  @Test
  void aClosedClientRefusesCallsWithAClearError() {
    Cartesia client =
        Cartesia.builder().apiKey("sk_test").baseUrl(server.baseUrl()).build();
    client.close();

    assertThatThrownBy(() -> client.apiStatus().get())
        .isInstanceOf(SdkException.class)
        .hasMessageContaining("the client was closed");
    assertThatThrownBy(() -> client.tts().websocket())
        .isInstanceOf(SdkException.class)
        .hasMessageContaining("the client was closed");
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/")))).isEmpty();
  }

  @Test
  void closingTheClientCallsOffARetryThatIsStillWaiting() throws Exception {
    server.stubFor(get("/").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
    Cartesia client = Cartesia.builder()
        .apiKey("sk_test")
        .baseUrl(server.baseUrl())
        .maxRetries(3)
        .build();

    CompletableFuture<?> status = client.apiStatus().getAsync();
    while (server.findAll(getRequestedFor(urlEqualTo("/"))).isEmpty()) Thread.sleep(10);
    client.close();

    assertThatThrownBy(() -> status.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(SdkException.class)
        .hasMessageContaining("the client was closed");
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/")))).hasSize(1);
  }
}
