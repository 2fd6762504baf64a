package ai.cartesia.core;

import ai.cartesia.core.internal.Secret;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything a client is configured with, set once. Generated clients preset what the API
 * definition says (base URL, where the API key goes, the version header); callers set the rest.
 */
public final class ClientOptions {

  private final HttpUrl baseUrl;
  private final Secret apiKey;
  private final String apiKeyHeader;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final Duration connectTimeout;
  private final int maxRetries;
  private final OkHttpClient httpClient;
  private final String userAgent;

  private ClientOptions(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.apiKey = builder.apiKey;
    this.apiKeyHeader = builder.apiKeyHeader;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    this.timeout = builder.timeout;
    this.connectTimeout = builder.connectTimeout;
    this.maxRetries = builder.maxRetries;
    this.httpClient = builder.httpClient;
    this.userAgent = builder.userAgent;
  }

  public static Builder builder() {
    return new Builder();
  }

  public HttpUrl baseUrl() {
    return baseUrl;
  }

  public Optional<Secret> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** The header that carries the API key on HTTP requests, if the API takes one. */
  public Optional<String> apiKeyHeader() {
    return Optional.ofNullable(apiKeyHeader);
  }

  /** Headers sent on every request. */
  public Map<String, String> headers() {
    return headers;
  }

  /** How long a whole call may take, from connecting to reading the last byte. */
  public Duration timeout() {
    return timeout;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How many times a failed call is tried again; 0 turns retries off. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The caller's own OkHttp client, if given; the SDK derives its client from it. */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  public String userAgent() {
    return userAgent;
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.baseUrl = baseUrl;
    builder.apiKey = apiKey;
    builder.apiKeyHeader = apiKeyHeader;
    builder.headers.putAll(headers);
    builder.timeout = timeout;
    builder.connectTimeout = connectTimeout;
    builder.maxRetries = maxRetries;
    builder.httpClient = httpClient;
    builder.userAgent = userAgent;
    return builder;
  }

  @Override
  public String toString() {
    return "ClientOptions{baseUrl=" + baseUrl
        + ", apiKey=" + (apiKey == null ? "none" : apiKey)
        + ", headers=" + headers.keySet()
        + ", timeout=" + timeout
        + ", maxRetries=" + maxRetries
        + "}";
  }

  public static final class Builder {
    private HttpUrl baseUrl;
    private Secret apiKey;
    private String apiKeyHeader;
    private String apiKeyVariable;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int maxRetries = 2;
    private OkHttpClient httpClient;
    private String userAgent = "java-sdk";
    private Function<String, String> environment = System::getenv;

    private Builder() {}

    /** The address of the API, such as {@code https://api.cartesia.ai}. */
    public Builder baseUrl(String baseUrl) {
      HttpUrl parsed = HttpUrl.parse(toHttpScheme(Objects.requireNonNull(baseUrl, "baseUrl")));
      if (parsed == null) {
        throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
      }
      // Paths of operations are relative, so the base must end with a slash to keep its own path.
      String path = parsed.encodedPath();
      this.baseUrl = path.endsWith("/") ? parsed : parsed.newBuilder().encodedPath(path + "/").build();
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey == null ? null : Secret.of(apiKey);
      return this;
    }

    public Builder apiKeyHeader(String header) {
      this.apiKeyHeader = header;
      return this;
    }

    /** The environment variable read for the API key when {@link #apiKey} is not called. */
    public Builder apiKeyEnvironmentVariable(String name) {
      this.apiKeyVariable = name;
      return this;
    }

    /** Where environment variables are read from; tests replace {@link System#getenv}. */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = requirePositive(timeout, "timeout");
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be 0 or more");
      this.maxRetries = maxRetries;
      return this;
    }

    /** Shares the connection pool and dispatcher of an OkHttp client the application already has. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    public ClientOptions build() {
      if (baseUrl == null) throw new IllegalStateException("baseUrl is required");
      if (apiKey == null && apiKeyVariable != null) {
        String fromEnvironment = environment.apply(apiKeyVariable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) apiKey = Secret.of(fromEnvironment);
      }
      if (apiKey == null && apiKeyHeader != null) {
        throw new IllegalStateException(
            "no API key: call apiKey(...)"
                + (apiKeyVariable == null ? "" : " or set the environment variable " + apiKeyVariable));
      }
      return new ClientOptions(this);
    }

    private static String toHttpScheme(String url) {
      if (url.startsWith("wss://")) return "https://" + url.substring(6);
      if (url.startsWith("ws://")) return "http://" + url.substring(5);
      return url;
    }

    private static Duration requirePositive(Duration duration, String name) {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return duration;
    }
  }
}
