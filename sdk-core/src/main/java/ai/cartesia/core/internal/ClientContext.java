package ai.cartesia.core.internal;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.Secret;
import ai.cartesia.core.http.RetryPolicy;
import ai.cartesia.core.internal.auth.AuthInterceptor;
import ai.cartesia.core.internal.auth.Security;
import ai.cartesia.core.internal.http.CallExecutor;
import ai.cartesia.core.internal.http.HttpClients;
import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.observe.Observer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The machinery one client shares across its resources: the OkHttp client, Retrofit, the JSON
 * mapper and the call executor, all built once from the {@link ClientOptions}.
 */
public final class ClientContext implements AutoCloseable {

  private static final ScheduledExecutorService RETRY_SCHEDULER =
      Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sdk-retry-scheduler");
        thread.setDaemon(true);
        return thread;
      });

  private final ClientOptions options;
  private final OkHttpClient httpClient;
  private final ObjectMapper json;
  private final Retrofit retrofit;
  private final CallExecutor calls;
  private final Observer observer;

  private final AuthInterceptor auth;
  private final List<Secret> secrets;

  private ClientContext(ClientOptions options, Security security) {
    this.options = options;
    this.observer = Observer.of(options);
    this.json = Json.mapper();
    this.auth = new AuthInterceptor(security, options);
    this.secrets = secretsOf(options);
    this.httpClient = HttpClients.create(options, security, auth, observer, this::redact);
    this.retrofit = new Retrofit.Builder()
        .baseUrl(options.baseUrl())
        .client(httpClient)
        .addConverterFactory(JacksonConverterFactory.create(json))
        .addConverterFactory(HttpClients.stringConverters(json))
        .build();
    this.calls = new CallExecutor(
        RetryPolicy.defaults(options.maxRetries()), json, RETRY_SCHEDULER, this::redact, observer);
  }

  /** A context that sends the API key in {@link ClientOptions#apiKeyHeader()}, if one is named. */
  public static ClientContext create(ClientOptions options) {
    return new ClientContext(options, Security.of(options));
  }

  /** A context that sends the credentials each request's requirement in {@code security} names. */
  public static ClientContext create(ClientOptions options, Security security) {
    return new ClientContext(options, security);
  }

  public ClientOptions options() {
    return options;
  }

  public OkHttpClient httpClient() {
    return httpClient;
  }

  public ObjectMapper json() {
    return json;
  }

  public CallExecutor calls() {
    return calls;
  }

  /** Where this client's requests, retries and WebSocket events are logged and reported. */
  public Observer observer() {
    return observer;
  }

  /**
   * Throws if the client was closed: it has stopped its threads and connections.
   *
   * @throws ai.cartesia.core.errors.SdkException saying so
   */
  public void checkOpen() {
    calls.checkOpen();
  }

  /** The text with every credential masked: for messages that quote what a server said. */
  public String redact(String text) {
    if (text == null) return null;
    String shown = text;
    for (Secret secret : secrets) shown = secret.redact(shown);
    return auth.redact(shown);
  }

  /** The client's credentials, in every form a text may quote them; its options never change. */
  private static List<Secret> secretsOf(ClientOptions options) {
    List<Secret> secrets = new ArrayList<>(options.secrets().values());
    options.apiKey().ifPresent(secrets::add);
    options.bearerToken().ifPresent(secrets::add);
    options.basicAuthPassword().ifPresent(secrets::add);
    // The Authorization header carries user and password in base64: a server or proxy that
    // echoes it would show them unless that form is masked too.
    AuthInterceptor.basicCredentials(options).map(Secret::of).ifPresent(secrets::add);
    return List.copyOf(secrets);
  }

  /** An implementation of a Retrofit service interface. */
  public <T> T service(Class<T> serviceInterface) {
    return retrofit.create(serviceInterface);
  }

  /**
   * Stops retries, and frees the threads and connections of an OkHttp client the SDK made itself
   * (calls in flight are cancelled); a client the caller passed in is the caller's to close.
   */
  @Override
  public void close() {
    calls.close();
    if (options.httpClient().isPresent()) return;
    httpClient.dispatcher().cancelAll();
    httpClient.dispatcher().executorService().shutdown();
    httpClient.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "ClientContext{" + options + "}";
  }
}
