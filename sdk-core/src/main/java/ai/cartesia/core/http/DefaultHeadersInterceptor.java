package ai.cartesia.core.http;

import ai.cartesia.core.ClientOptions;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import retrofit2.Invocation;

/** Adds the headers every request carries: user agent, configured headers and the API key. */
final class DefaultHeadersInterceptor implements Interceptor {

  private final ClientOptions options;

  DefaultHeadersInterceptor(ClientOptions options) {
    this.options = options;
  }

  @Override
  public okhttp3.Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder = request.newBuilder().header("User-Agent", options.userAgent());
    options.headers().forEach((name, value) -> {
      if (request.header(name) == null) builder.header(name, value);
    });
    if (options.apiKeyHeader().isPresent() && options.apiKey().isPresent() && needsAuth(request)) {
      builder.header(options.apiKeyHeader().get(), options.apiKey().get().reveal());
    }
    return chain.proceed(builder.build());
  }

  private static boolean needsAuth(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    return invocation == null || !invocation.method().isAnnotationPresent(NoAuth.class);
  }
}
