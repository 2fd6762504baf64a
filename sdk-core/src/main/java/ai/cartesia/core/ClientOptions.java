package ai.cartesia.core;

import ai.cartesia.core.observe.CartesiaListener;
import ai.cartesia.core.observe.LogLevel;
import java.net.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything a client is configured with, set once. Generated clients preset what the API
 * definition says (base URL, where the API key goes, the version header); callers set the rest.
 */
public final class ClientOptions {

  /** The environment variable that turns the SDK's log on: {@code info}, {@code debug} or {@code off}. */
  public static final String LOG_ENVIRONMENT_VARIABLE = "CARTESIA_LOG";

  private final HttpUrl baseUrl;
  private final Secret apiKey;
  private final String apiKeyHeader;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final Duration connectTimeout;
  private final int maxRetries;
  private final OkHttpClient httpClient;
  private final String userAgent;
  private final String appName;
  private final Proxy proxy;
  private final String proxyUser;
  private final Secret proxyPassword;
  private final List<CartesiaListener> listeners;
  private final LogLevel logLevel;

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
    this.appName = builder.appName;
    this.proxy = builder.proxy;
    this.proxyUser = builder.proxyUser;
    this.proxyPassword = builder.proxyPassword;
    this.listeners = List.copyOf(builder.listeners);
    this.logLevel = builder.logLevel;
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

  /** The {@code User-Agent} header: the SDK's own product and version, then the application's name if one was given. */
  public String userAgent() {
    return appName == null ? userAgent : userAgent + " " + appName;
  }

  /** The application's product token(s) appended to the user agent, such as {@code my-agent/1.2}. */
  public Optional<String> appName() {
    return Optional.ofNullable(appName);
  }

  /** The proxy every connection goes through, if one was set; otherwise the JVM's default proxy selection applies. */
  public Optional<Proxy> proxy() {
    return Optional.ofNullable(proxy);
  }

  /** The user name for the proxy's basic authentication, if set. */
  public Optional<String> proxyUser() {
    return Optional.ofNullable(proxyUser);
  }

  /** The password for the proxy's basic authentication, if set; never shown. */
  public Optional<Secret> proxyPassword() {
    return Optional.ofNullable(proxyPassword);
  }

  /** The listeners that hear this client's requests, retries and WebSocket events, in the order they were added. */
  public List<CartesiaListener> listeners() {
    return listeners;
  }

  /**
   * The SDK's log level, set in code or by {@value #LOG_ENVIRONMENT_VARIABLE}; empty leaves the
   * logging backend's configuration of the logger {@code ai.cartesia} in charge.
   */
  public Optional<LogLevel> logLevel() {
    return Optional.ofNullable(logLevel);
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
    builder.appName = appName;
    builder.proxy = proxy;
    builder.proxyUser = proxyUser;
    builder.proxyPassword = proxyPassword;
    builder.listeners.addAll(listeners);
    builder.logLevel = logLevel;
    return builder;
  }

  @Override
  public String toString() {
    return "ClientOptions{baseUrl=" + baseUrl
        + ", apiKey=" + (apiKey == null ? "none" : apiKey)
        + ", headers=" + headers.keySet()
        + ", timeout=" + timeout
        + ", maxRetries=" + maxRetries
        + (appName == null ? "" : ", appName=" + appName)
        + (proxy == null ? "" : ", proxy=" + proxy)
        + (listeners.isEmpty() ? "" : ", listeners=" + listeners.size())
        + "}";
  }

  public static final class Builder {
    /** One or more products ({@code name} or {@code name/version}) of RFC 9110 token characters, separated by single spaces. */
    private static final Pattern PRODUCTS = Pattern.compile(
        "[!#$%&'*+.^_`|~0-9A-Za-z-]+(/[!#$%&'*+.^_`|~0-9A-Za-z-]+)?( [!#$%&'*+.^_`|~0-9A-Za-z-]+(/[!#$%&'*+.^_`|~0-9A-Za-z-]+)?)*");

    private HttpUrl baseUrl;
    private HttpUrl defaultBaseUrl;
    private String baseUrlVariable;
    private Secret apiKey;
    private String apiKeyHeader;
    private String apiKeyVariable;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int maxRetries = 2;
    private OkHttpClient httpClient;
    private String userAgent = "java-sdk";
    private String appName;
    private Proxy proxy;
    private String proxyUser;
    private Secret proxyPassword;
    private final List<CartesiaListener> listeners = new ArrayList<>();
    private LogLevel logLevel;
    private Function<String, String> environment = System::getenv;

    private Builder() {}

    /**
     * The address of the API, such as {@code https://api.cartesia.ai}. It wins over the
     * environment variable named by {@link #baseUrlEnvironmentVariable} and over {@link
     * #defaultBaseUrl}.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = parseBaseUrl(
          Objects.requireNonNull(baseUrl, "baseUrl"), "not an http(s) URL: " + baseUrl);
      return this;
    }

    /** The address used when neither {@link #baseUrl} nor the environment gives one. */
    public Builder defaultBaseUrl(String baseUrl) {
      this.defaultBaseUrl = parseBaseUrl(
          Objects.requireNonNull(baseUrl, "baseUrl"), "not an http(s) URL: " + baseUrl);
      return this;
    }

    /** The environment variable read for the base URL when {@link #baseUrl} is not called. */
    public Builder baseUrlEnvironmentVariable(String name) {
      this.baseUrlVariable = name;
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

    /**
     * The application's name, appended to the {@code User-Agent} so that the API's operators can
     * tell its traffic apart: {@code my-agent/1.2} gives {@code cartesia-java/0.1.0 my-agent/1.2}.
     *
     * @throws IllegalArgumentException unless it is one or more products ({@code name} or {@code
     *     name/version}, of letters, digits and {@code !#$%&'*+-.^_`|~}) separated by single spaces
     */
    public Builder appName(String appName) {
      Objects.requireNonNull(appName, "appName");
      if (!PRODUCTS.matcher(appName).matches()) {
        throw new IllegalArgumentException(
            "appName must be a product such as my-agent/1.2: letters, digits and"
                + " !#$%&'*+-.^_`|~, an optional /version, several separated by single spaces; got \""
                + appName + "\"");
      }
      this.appName = appName;
      return this;
    }

    /** Sends every connection through this proxy, such as {@code new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy", 3128))}. */
    public Builder proxy(Proxy proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /** Answers an HTTP proxy's request for authentication (407) with these basic credentials. */
    public Builder proxyCredentials(String user, String password) {
      this.proxyUser = Objects.requireNonNull(user, "user");
      this.proxyPassword = Secret.of(Objects.requireNonNull(password, "password"));
      return this;
    }

    /** Adds a listener of requests, retries and WebSocket events; see {@link CartesiaListener}. */
    public Builder listener(CartesiaListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Turns the SDK's log on (or off) in code; it wins over {@value #LOG_ENVIRONMENT_VARIABLE}. */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel");
      return this;
    }

    /**
     * @throws IllegalStateException if no base URL was given, found in the environment or preset,
     *     if the environment's base URL is not an http(s) URL, or if the API key is missing
     */
    public ClientOptions build() {
      if (baseUrl == null && baseUrlVariable != null) {
        String fromEnvironment = environment.apply(baseUrlVariable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
          try {
            baseUrl = parseBaseUrl(fromEnvironment.strip(), "not an http(s) URL");
          } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                "the environment variable " + baseUrlVariable + " is not an http(s) URL: \""
                    + fromEnvironment.strip() + "\"; fix it, unset it, or call baseUrl(...)");
          }
        }
      }
      if (baseUrl == null) baseUrl = defaultBaseUrl;
      if (baseUrl == null) throw new IllegalStateException("baseUrl is required");
      if (logLevel == null) logLevel = logLevelFromEnvironment();
      if (apiKey == null && apiKeyVariable != null) {
        String fromEnvironment = environment.apply(apiKeyVariable);
        if (fromEnvironment != null && !fromEnvironment.isBlank())
          apiKey = Secret.of(fromEnvironment);
      }
      if (apiKey == null && apiKeyHeader != null) {
        throw new IllegalStateException("no API key: call apiKey(...)"
            + (apiKeyVariable == null ? "" : " or set the environment variable " + apiKeyVariable));
      }
      return new ClientOptions(this);
    }

    private LogLevel logLevelFromEnvironment() {
      String setting = environment.apply(LOG_ENVIRONMENT_VARIABLE);
      if (setting == null || setting.isBlank()) return null;
      Optional<LogLevel> level = LogLevel.parse(setting);
      if (level.isEmpty()) {
        System.getLogger("ai.cartesia")
            .log(
                System.Logger.Level.WARNING,
                LOG_ENVIRONMENT_VARIABLE + "=" + setting.strip()
                    + " is not one of info, debug, off; the SDK's log stays as the logging backend configures it");
      }
      return level.orElse(null);
    }

    private static HttpUrl parseBaseUrl(String url, String problem) {
      HttpUrl parsed = HttpUrl.parse(toHttpScheme(url));
      if (parsed == null) throw new IllegalArgumentException(problem);
      // Paths of operations are relative, so the base must end with a slash to keep its own path.
      String path = parsed.encodedPath();
      return path.endsWith("/")
          ? parsed
          : parsed.newBuilder().encodedPath(path + "/").build();
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
