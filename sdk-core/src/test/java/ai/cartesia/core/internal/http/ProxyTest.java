package ai.cartesia.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.internal.ClientContext;
import java.net.InetSocketAddress;
import java.net.Proxy;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests through an HTTP proxy, played by a loopback server; the target host is never resolved. */
@Timeout(30)
class ProxyTest {

  private static final String TARGET = "http://api.example.test/v1/";

  private final MockWebServer proxy = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    proxy.start();
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  private ClientContext client(ClientOptions.Builder options) {
    return ClientContext.create(options
        .baseUrl(TARGET)
        .apiKey("sk_test_key")
        .apiKeyHeader("X-API-Key")
        .proxy(
            new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHostName(), proxy.getPort())))
        .build());
  }

  private static int get(ClientContext client) throws Exception {
    try (Response response = client
        .httpClient()
        .newCall(new Request.Builder().url(TARGET + "status").build())
        .execute()) {
      return response.code();
    }
  }

  @Test
  void everyRequestGoesThroughTheProxy() throws Exception {
    proxy.enqueue(new MockResponse.Builder().body("ok").build());
    try (ClientContext client = client(ClientOptions.builder())) {
      assertThat(get(client)).isEqualTo(200);
    }
    RecordedRequest request = proxy.takeRequest();
    assertThat(request.getRequestLine()).isEqualTo("GET " + TARGET + "status HTTP/1.1");
    assertThat(request.getHeaders().get("Host")).isEqualTo("api.example.test");
  }

  @Test
  void aProxyThatAsksForCredentialsGetsThemOnce() throws Exception {
    proxy.enqueue(new MockResponse.Builder()
        .code(407)
        .setHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")
        .build());
    proxy.enqueue(new MockResponse.Builder().body("ok").build());
    try (ClientContext client =
        client(ClientOptions.builder().proxyCredentials("alice", "pa55word"))) {
      assertThat(get(client)).isEqualTo(200);
    }
    assertThat(proxy.takeRequest().getHeaders().get("Proxy-Authorization")).isNull();
    assertThat(proxy.takeRequest().getHeaders().get("Proxy-Authorization"))
        .isEqualTo(Credentials.basic("alice", "pa55word"));
  }

  @Test
  void wrongCredentialsEndInThe407InsteadOfALoop() throws Exception {
    for (int i = 0; i < 3; i++) {
      proxy.enqueue(new MockResponse.Builder()
          .code(407)
          .setHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")
          .build());
    }
    try (ClientContext client =
        client(ClientOptions.builder().proxyCredentials("alice", "wrong"))) {
      assertThat(get(client)).isEqualTo(407);
    }
    assertThat(proxy.getRequestCount()).isEqualTo(2);
  }
}
