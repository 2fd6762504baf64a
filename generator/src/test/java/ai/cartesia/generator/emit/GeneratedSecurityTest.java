package ai.cartesia.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.observe.CartesiaListener;
import ai.cartesia.core.observe.LogLevel;
import ai.cartesia.core.observe.RequestStarted;
import ai.cartesia.generator.Fixtures;
import ai.cartesia.generator.Generator;
import ai.cartesia.generator.InMemoryCompiler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients generated from the security fixtures, run against a loopback server: each credential
 * arrives where its scheme says (header, query, cookie, bearer or basic {@code Authorization}),
 * each operation sends what its requirement names and nothing when it names none, and no
 * credential reaches the log or a listener.
 */
@Timeout(60)
class GeneratedSecurityTest {

  private static final String KEY = "vk_live_SECRET_KEY_0001";
  private static final String TOKEN = "tok_SECRET_BEARER_0002";
  private static final String PASSWORD = "pw_SECRET_0003";
  private static final Map<String, ClassLoader> COMPILED = new HashMap<>();

  @TempDir
  static Path classes;

  private final MockWebServer server = new MockWebServer();
  private final List<String> logged = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (logged) {
        logged.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final List<String> heard = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.start();
    Logger.getLogger("ai.cartesia").addHandler(capture);
  }

  @AfterEach
  void stop() {
    Logger.getLogger("ai.cartesia").removeHandler(capture);
    server.close();
    List<String> shown = new ArrayList<>(logged);
    shown.addAll(heard);
    for (String text : shown)
      assertThat(text).doesNotContain(KEY).doesNotContain(TOKEN).doesNotContain(PASSWORD);
  }

  // ------------------------------------------------------------------ the security fixture

  @Test
  void theDocumentsRequirementSendsTheKeyInItsHeader() throws Exception {
    Object checks = vault(b -> call(b, "apiKey", KEY));

    RecordedRequest request = send(checks, "header");

    assertThat(request.getHeaders().get("X-Vault-Key")).isEqualTo(KEY);
    assertThat(request.getUrl().queryParameter("vault_key")).isNull();
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void anApiKeyInTheQueryTravelsThereOnlyAndIsRedactedInTheLog() throws Exception {
    Object checks = vault(b -> call(b, "apiKey", KEY));

    RecordedRequest request = send(checks, "query");

    assertThat(request.getUrl().queryParameter("vault_key")).isEqualTo(KEY);
    assertThat(request.getHeaders().get("X-Vault-Key")).isNull();
    assertThat(logged).anyMatch(line -> line.contains("vault_key=[redacted]"));
    assertThat(heard).anyMatch(line -> line.contains("vault_key=[redacted]"));
  }

  @Test
  void anApiKeyInACookieJoinsTheCookieHeader() throws Exception {
    Object checks = vault(b -> call(b, "apiKey", KEY));

    RecordedRequest request = send(checks, "cookie");

    assertThat(request.getHeaders().get("Cookie")).isEqualTo("vault_session=" + KEY);
    assertThat(request.getHeaders().get("X-Vault-Key")).isNull();
  }

  @Test
  void aBearerTokenGoesInAuthorization() throws Exception {
    Object checks = vault(b -> {
      call(b, "apiKey", KEY);
      call(b, "bearerToken", TOKEN);
    });

    RecordedRequest request = send(checks, "bearer");

    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.getHeaders().get("X-Vault-Key")).isNull();
  }

  @Test
  void oauthAndOpenIdConnectAskTheSupplierForAFreshTokenOnEachRequest() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    Supplier<String> tokens = () -> TOKEN + "_" + asked.incrementAndGet();
    Object checks = vault(b -> {
      call(b, "apiKey", KEY);
      call(b, "bearerTokenSupplier", tokens);
    });

    RecordedRequest oauth = send(checks, "oauth");
    RecordedRequest oidc = send(checks, "oidc");

    assertThat(oauth.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN + "_1");
    assertThat(oidc.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN + "_2");
    assertThat(asked).hasValue(2);
  }

  @Test
  void basicCredentialsGoInAuthorization() throws Exception {
    Object checks = vault(b -> {
      call(b, "apiKey", KEY);
      call(b, "basicAuth", "ann", PASSWORD);
    });

    RecordedRequest request = send(checks, "basic");

    String expected = Base64.getEncoder()
        .encodeToString(("ann:" + PASSWORD).getBytes(StandardCharsets.ISO_8859_1));
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic " + expected);
  }

  @Test
  void ofAlternativesTheFirstConfiguredOneIsSent() throws Exception {
    Object both = vault(b -> {
      call(b, "apiKey", KEY);
      call(b, "bearerToken", TOKEN);
      call(b, "basicAuth", "ann", PASSWORD);
    });
    Object basicOnly = vault(b -> {
      call(b, "apiKey", KEY);
      call(b, "basicAuth", "ann", PASSWORD);
    });

    assertThat(send(both, "either").getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(send(basicOnly, "either").getHeaders().get("Authorization")).startsWith("Basic ");
  }

  @Test
  void anOperationWithAnEmptyRequirementSendsNoCredential() throws Exception {
    Object checks = vault(b -> {
      call(b, "apiKey", KEY);
      call(b, "bearerToken", TOKEN);
      call(b, "basicAuth", "ann", PASSWORD);
    });

    RecordedRequest request = send(checks, "publicValue");

    assertThat(request.getHeaders().get("X-Vault-Key")).isNull();
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("Cookie")).isNull();
    assertThat(request.getUrl().querySize()).isZero();
  }

  @Test
  void aSchemeTheClientCannotSendLeavesItsOperationWithoutCredentials() throws Exception {
    Object checks = vault(b -> call(b, "apiKey", KEY));

    RecordedRequest request = send(checks, "digest");

    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("X-Vault-Key")).isNull();
  }

  @Test
  void withoutTheRequiredKeyBuildingFailsAndNamesTheSettingAndTheVariable() throws Exception {
    Class<?> root = loader("security").loadClass(Fixtures.PACKAGE + ".Vault");
    Object builder = callStatic(root, "builder");
    call(builder, "baseUrl", server.url("/").toString());

    assertThatThrownBy(() -> call(builder, "build"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiKey(...)")
        .hasMessageContaining("VAULT_API_KEY");
  }

  // ------------------------------------------------------------------ two keys together

  @Test
  void twoKeysRequiredTogetherAreSettingsOfTheirOwnAndBothAreSent() throws Exception {
    Object checks = client("credentials", "Partner", b -> {
      call(b, "appId", "app-42");
      call(b, "appKey", KEY);
    });

    RecordedRequest both = send(checks, "both");
    RecordedRequest app = send(checks, "app");

    assertThat(both.getHeaders().get("X-App-Id")).isEqualTo("app-42");
    assertThat(both.getUrl().queryParameter("app_key")).isEqualTo(KEY);
    assertThat(app.getHeaders().get("X-App-Id")).isEqualTo("app-42");
    assertThat(app.getUrl().queryParameter("app_key")).isNull();
    assertThat(builderMethods("credentials", "Partner")).doesNotContain("apiKey", "bearerToken");
  }

  @Test
  void withOneOfTwoKeysRequiredTogetherBuildingFails() throws Exception {
    assertThatThrownBy(() -> client("credentials", "Partner", b -> call(b, "appId", "app-42")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("appKey(...)")
        .hasMessageContaining("PARTNER_APP_KEY");
  }

  // ------------------------------------------------------------------ no security, servers

  @Test
  void anApiWithoutSecurityHasNoCredentialSettingAndSendsNone() throws Exception {
    Object checks = client("servers", "Regional", b -> {});

    RecordedRequest request = send(checks, "ping");

    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("X-API-Key")).isNull();
    assertThat(builderMethods("servers", "Regional"))
        .doesNotContain("apiKey", "bearerToken", "bearerTokenSupplier", "basicAuth");
    Class<?> root = loader("servers").loadClass(Fixtures.PACKAGE + ".Regional");
    assertThat(Arrays.stream(root.getFields()).map(java.lang.reflect.Field::getName))
        .doesNotContain("API_KEY_ENVIRONMENT_VARIABLE");
  }

  @Test
  void serverVariablesStartAtTheirDefaultsAndTheBuilderSetsThem() throws Exception {
    assertThat(baseUrlOf(b -> {})).isEqualTo("https://us.api.example.com/v2/");
    assertThat(baseUrlOf(b -> {
          call(b, "region", "eu");
          call(b, "basePath", "v3/beta");
        }))
        .isEqualTo("https://eu.api.example.com/v3/beta/");
    assertThatThrownBy(() -> baseUrlOf(b -> call(b, "region", "mars")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("us, eu, ap");
  }

  @Test
  void aBaseUrlGivenToTheBuilderWinsOverTheServerVariables() throws Exception {
    String url = server.url("/").toString();
    assertThat(baseUrlOf(b -> {
          call(b, "region", "eu");
          call(b, "baseUrl", url);
        }))
        .isEqualTo(url);
  }

  // ------------------------------------------------------------------ helpers

  private interface Configuration {
    void apply(Object builder) throws Exception;
  }

  private Object vault(Configuration configuration) throws Exception {
    return client("security", "Vault", configuration);
  }

  /** The {@code checks} resource of a client built against the loopback server. */
  private Object client(String fixture, String rootClass, Configuration configuration)
      throws Exception {
    Class<?> root = loader(fixture).loadClass(Fixtures.PACKAGE + "." + rootClass);
    Object builder = callStatic(root, "builder");
    call(builder, "baseUrl", server.url("/").toString());
    call(builder, "logLevel", LogLevel.DEBUG);
    call(builder, "listener", (CartesiaListener) new CartesiaListener() {
      @Override
      public void onRequestStart(RequestStarted request) {
        synchronized (heard) {
          heard.add(request.toString());
        }
      }
    });
    call(builder, "maxRetries", 0);
    configuration.apply(builder);
    return call(call(builder, "build"), "checks");
  }

  private String baseUrlOf(Configuration configuration) throws Exception {
    Class<?> root = loader("servers").loadClass(Fixtures.PACKAGE + ".Regional");
    Object builder = callStatic(root, "builder");
    configuration.apply(builder);
    Object client = call(builder, "build");
    try {
      return ((ClientOptions) call(client, "options")).baseUrl().toString();
    } finally {
      ((AutoCloseable) client).close();
    }
  }

  private RecordedRequest send(Object checks, String operation) throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    call(checks, operation);
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).as("the request of " + operation).isNotNull();
    return request;
  }

  private static List<String> builderMethods(String fixture, String rootClass) throws Exception {
    Class<?> builder = loader(fixture).loadClass(Fixtures.PACKAGE + "." + rootClass + "$Builder");
    return Arrays.stream(builder.getMethods()).map(Method::getName).toList();
  }

  private static synchronized ClassLoader loader(String fixture) throws Exception {
    ClassLoader loader = COMPILED.get(fixture);
    if (loader != null) return loader;
    var files =
        Generator.generate(Fixtures.spec(fixture), Fixtures.PACKAGE, null).files();
    InMemoryCompiler.Compilation compilation =
        InMemoryCompiler.compile(files, classes.resolve(fixture));
    assertThat(compilation.errors()).isEmpty();
    COMPILED.put(fixture, compilation.classes());
    return compilation.classes();
  }

  private static Object call(Object target, String method, Object... args) throws Exception {
    return invoke(target.getClass(), target, method, args);
  }

  private static Object callStatic(Class<?> type, String method) throws Exception {
    return invoke(type, null, method);
  }

  /** Calls the public method of that name and arity, unwrapping what it throws. */
  private static Object invoke(Class<?> type, Object target, String method, Object... args)
      throws Exception {
    for (Method candidate : type.getMethods()) {
      if (!candidate.getName().equals(method) || candidate.getParameterCount() != args.length)
        continue;
      try {
        return candidate.invoke(target, args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof Exception cause) throw cause;
        throw e;
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + method + "/" + args.length);
  }
}
