package ai.cartesia.core.http;

import ai.cartesia.core.ClientOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import retrofit2.Converter;

/** Builds the OkHttp client of an SDK client, from the caller's own if one was given. */
public final class HttpClients {

  private HttpClients() {}

  /** How Retrofit writes path, query and header values: as their JSON text. */
  public static Converter.Factory stringConverters(ObjectMapper json) {
    return new JsonTextConverterFactory(json);
  }

  public static OkHttpClient create(ClientOptions options) {
    OkHttpClient.Builder builder =
        options.httpClient().map(OkHttpClient::newBuilder).orElseGet(OkHttpClient.Builder::new);
    // A read timeout, not a call timeout: audio streams may last longer than any single read.
    return builder
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.timeout())
        .writeTimeout(options.timeout())
        .addInterceptor(new DefaultHeadersInterceptor(options))
        .build();
  }
}
