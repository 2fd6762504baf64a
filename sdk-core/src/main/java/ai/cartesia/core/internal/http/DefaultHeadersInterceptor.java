package ai.cartesia.core.internal.http;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.http.RequestOptions;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * Adds the headers every request carries (user agent, configured headers) and applies the call's own {@link RequestOptions}: its headers and its timeout.
 */
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
    RequestOptions perCall = request.tag(RequestOptions.class);
    if (perCall == null) return chain.proceed(builder.build());
    perCall.headers().forEach(builder::header);
    Chain timed = chain;
    if (perCall.timeout().isPresent()) {
      int millis = (int) Math.min(Integer.MAX_VALUE, perCall.timeout().get().toMillis());
      timed = chain
          .withReadTimeout(millis, TimeUnit.MILLISECONDS)
          .withWriteTimeout(millis, TimeUnit.MILLISECONDS);
    }
    return timed.proceed(builder.build());
  }
}
