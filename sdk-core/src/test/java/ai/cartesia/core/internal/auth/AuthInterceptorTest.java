package ai.cartesia.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.errors.ApiException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.internal.ClientContext;
import ai.cartesia.core.internal.http.NoAuth;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Header;

/** The credentials a request carries, chosen by its service method's requirement. */
@Timeout(30)
class AuthInterceptorTest {

  private static final String KEY = "sk_test_AUTH_KEY_777";
  private static final String TOKEN = "tok_test_BEARER_888";

  interface Service {
    @GET("default")
    Call<Void> byDefault();

    @GET("cookie")
    @Auth("Cookie")
    Call<Void> cookie(@Header("Cookie") String cookie);

    @GET("none")
    @NoAuth
    Call<Void> none();

    @GET("optional")
    @Auth({"Bearer", ""})
    Call<Void> optional();

    @GET("explicit")
    Call<Void> explicit(@Header("X-Key") String key);

    @GET("echo")
    @Auth("Bearer")
    Call<Void> echo();
  }

  private static final Security SECURITY = Security.builder()
      .apiKeyHeader("Header", ClientOptions.API_KEY, "X-Key")
      .apiKeyCookie("Cookie", ClientOptions.API_KEY, "session")
      .bearer("Bearer")
      .require("Header")
      .build();

  private final MockWebServer server = new MockWebServer();
  private ClientContext context;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    if (context != null) context.close();
    server.close();
  }

  private Service service(ClientOptions.Builder options, Security security) {
    context = ClientContext.create(
        options.baseUrl(server.url("/").toString()).maxRetries(0).build(), security);
    return context.service(Service.class);
  }

  private RecordedRequest send(Call<Void> call) throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    context.calls().execute(call);
    return server.takeRequest(10, TimeUnit.SECONDS);
  }

  @Test
  void aMethodWithoutAnAnnotationSendsTheDefaultRequirement() throws Exception {
    Service service = service(ClientOptions.builder().apiKey(KEY), SECURITY);

    assertThat(send(service.byDefault()).getHeaders().get("X-Key")).isEqualTo(KEY);
  }

  @Test
  void aCookieCredentialIsAppendedToTheCookiesTheRequestAlreadyHas() throws Exception {
    Service service = service(ClientOptions.builder().apiKey(KEY), SECURITY);

    RecordedRequest request = send(service.cookie("theme=dark"));

    assertThat(request.getHeaders().get("Cookie")).isEqualTo("theme=dark; session=" + KEY);
    assertThat(request.getHeaders().get("X-Key")).isNull();
  }

  @Test
  void aCookieOfTheSameNameTheCallerSetsWins() throws Exception {
    Service service = service(ClientOptions.builder().apiKey(KEY), SECURITY);

    RecordedRequest request = send(service.cookie("theme=dark; session=mine"));

    assertThat(request.getHeaders().get("Cookie")).isEqualTo("theme=dark; session=mine");
  }

  @Test
  void noAuthSendsNothing() throws Exception {
    Service service = service(ClientOptions.builder().apiKey(KEY).bearerToken(TOKEN), SECURITY);

    RecordedRequest request = send(service.none());

    assertThat(request.getHeaders().get("X-Key")).isNull();
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void anEmptyAlternativeMakesTheCredentialOptional() throws Exception {
    Service without = service(ClientOptions.builder().apiKey(KEY), SECURITY);
    assertThat(send(without.optional()).getHeaders().get("Authorization")).isNull();
    context.close();

    Service with = service(ClientOptions.builder().bearerToken(TOKEN), SECURITY);
    assertThat(send(with.optional()).getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void aSupplierThatGivesNoTokenLeavesTheRequestWithoutOne() throws Exception {
    Service service = service(ClientOptions.builder().bearerTokenSupplier(() -> " "), SECURITY);

    assertThat(send(service.optional()).getHeaders().get("Authorization")).isNull();
  }

  @Test
  void aCredentialTheCallerSetsOnTheRequestWins() throws Exception {
    Service service = service(ClientOptions.builder().apiKey(KEY), SECURITY);

    assertThat(send(service.explicit("mine")).getHeaders().get("X-Key")).isEqualTo("mine");
  }

  @Test
  void aSuppliedTokenEchoedByTheServerIsRedactedFromTheException() {
    Service service = service(ClientOptions.builder().bearerTokenSupplier(() -> TOKEN), SECURITY);
    server.enqueue(new MockResponse.Builder()
        .code(401)
        .setHeader("Content-Type", "application/json")
        .body("{\"message\":\"token " + TOKEN + " expired\"}")
        .build());

    assertThatThrownBy(() -> context.calls().execute(service.echo()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.body()).doesNotContain(TOKEN).contains("[redacted]");
          assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
  }

  @Test
  void everyTokenOfARotatingSupplierIsRedactedNotOnlyTheLatest() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    Service service = service(
        ClientOptions.builder().bearerTokenSupplier(() -> TOKEN + issued.incrementAndGet()),
        SECURITY);
    send(service.echo());
    send(service.echo());

    String echoed = "first " + TOKEN + "1, then " + TOKEN + "2";
    assertThat(context.redact(echoed)).doesNotContain(TOKEN).contains("[redacted]");
  }

  @Test
  void aSupplierThatThrowsFailsTheCallAsATransportErrorWithoutSendingIt() {
    Service service = service(
        ClientOptions.builder().bearerTokenSupplier(() -> {
          throw new IllegalStateException("refresh refused");
        }),
        SECURITY);

    assertThatThrownBy(() -> context.calls().execute(service.echo()))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("bearer token supplier failed")
        .hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theBase64FormOfBasicCredentialsIsRedactedToo() {
    service(ClientOptions.builder().basicAuth("ada", "pa55word-BASIC"), SECURITY);
    String header = Credentials.basic("ada", "pa55word-BASIC");

    assertThat(context.redact("the proxy saw Authorization: " + header))
        .doesNotContain(header.substring("Basic ".length()))
        .contains("[redacted]");
  }

  @Test
  void optionsAloneSendTheApiKeyInTheirHeaderAsBefore() throws Exception {
    context = ClientContext.create(ClientOptions.builder()
        .baseUrl(server.url("/").toString())
        .apiKey(KEY)
        .apiKeyHeader("X-Key")
        .build());
    Service service = context.service(Service.class);

    assertThat(send(service.byDefault()).getHeaders().get("X-Key")).isEqualTo(KEY);
  }

  @Test
  void requiredCredentialsAreCheckedWhenTheOptionsAreBuilt() {
    Map<String, String> environment = Map.of("SHOP_TOKEN", TOKEN, "SHOP_APP", "app-1");

    ClientOptions fromEnvironment = ClientOptions.builder()
        .baseUrl("https://example.com")
        .environment(environment::get)
        .bearerTokenEnvironmentVariable("SHOP_TOKEN")
        .secretEnvironmentVariable("appId", "SHOP_APP")
        .requireCredential("bearerToken", "basicAuth")
        .requireCredential("appId")
        .build();
    assertThat(fromEnvironment.bearerToken()).isPresent();
    assertThat(fromEnvironment.secret("appId").orElseThrow().reveal()).isEqualTo("app-1");
    assertThat(fromEnvironment.toString()).doesNotContain(TOKEN).doesNotContain("app-1");

    assertThatThrownBy(() -> ClientOptions.builder()
            .baseUrl("https://example.com")
            .environment(name -> null)
            .bearerTokenEnvironmentVariable("SHOP_TOKEN")
            .requireCredential("bearerToken", "appId+appKey")
            .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no credentials: call bearerToken(...) or bearerTokenSupplier(...)"
            + " (or the environment variable SHOP_TOKEN); or appId(...) and appKey(...)");
  }

  @Test
  void aRequirementNamingAnUndeclaredSchemeIsAClearError() {
    assertThatThrownBy(
            () -> Security.builder().bearer("Bearer").require("Bearer+Nope").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unknown scheme Nope");
  }
}
