package ai.cartesia.core.internal.http;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.internal.auth.AuthInterceptor;
import ai.cartesia.core.internal.auth.Security;
import ai.cartesia.core.internal.observe.Observer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import retrofit2.Converter;

/** Builds the OkHttp client of an SDK client, from the caller's own if one was given. */
public final class HttpClients {

  private HttpClients() {}

  /**
   * A new client whose dispatcher threads are daemons: OkHttp's own are not, and keep a JVM
   * alive for a minute after its last call, although the application is done.
   */
  private static OkHttpClient.Builder ownBuilder() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory daemons = runnable -> {
      Thread thread = new Thread(runnable, "cartesia-okhttp-dispatcher-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    ExecutorService executor = new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons);
    return new OkHttpClient.Builder().dispatcher(new Dispatcher(executor));
  }

  /** How Retrofit writes path, query and header values: as their JSON text. */
  public static Converter.Factory stringConverters(ObjectMapper json) {
    return new JsonTextConverterFactory(json);
  }

  /**
   * The client's OkHttp client: its timeouts, proxy and default headers, the credentials {@code
   * auth} sends for {@code security}, and an interceptor that reports each exchange to {@code
   * observer}, texts passed through {@code redact}.
   */
  public static OkHttpClient create(
      ClientOptions options,
      Security security,
      AuthInterceptor auth,
      Observer observer,
      UnaryOperator<String> redact) {
    OkHttpClient.Builder builder =
        options.httpClient().map(OkHttpClient::newBuilder).orElseGet(HttpClients::ownBuilder);
    options.proxy().ifPresent(builder::proxy);
    if (options.proxyUser().isPresent() && options.proxyPassword().isPresent()) {
      builder.proxyAuthenticator(proxyAuthenticator(Credentials.basic(
          options.proxyUser().get(), options.proxyPassword().get().reveal())));
    }
    // A read timeout, not a call timeout: audio streams may last longer than any single read.
    return builder
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.timeout())
        .writeTimeout(options.timeout())
        .addInterceptor(new DefaultHeadersInterceptor(options))
        .addInterceptor(auth)
        .addInterceptor(new ObservingInterceptor(observer, redact, security.redactor()))
        .build();
  }

  /** Answers a proxy's 407 once with the credentials; a second 407 means they are wrong, so it gives up. */
  private static Authenticator proxyAuthenticator(String credentials) {
    return (route, response) -> {
      if (response.request().header("Proxy-Authorization") != null) return null;
      return response
          .request()
          .newBuilder()
          .header("Proxy-Authorization", credentials)
          .build();
    };
  }
}
