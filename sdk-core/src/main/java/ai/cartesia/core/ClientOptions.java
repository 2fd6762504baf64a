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
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything a client is configured with, set once. Generated clients preset what the API
 * definition says (base URL, which credentials the API takes, the version header); callers set
 * the rest. Credentials (API keys, a bearer token or its supplier, basic credentials) are kept
 * here and sent where each operation of the API definition says; they are never shown.
 */
public final class ClientOptions {

  /** The environment variable that turns the SDK's log on: {@code info}, {@code debug} or {@code off}. */
  public static final String LOG_ENVIRONMENT_VARIABLE = "CARTESIA_LOG";

  /** The name of the API key credential, for {@link Builder#requireCredential}. */
  public static final String API_KEY = "apiKey";

  /** The name of the bearer token credential, for {@link Builder#requireCredential}. */
  public static final String BEARER_TOKEN = "bearerToken";

  /** The name of the basic credentials, for {@link Builder#requireCredential}. */
  public static final String BASIC_AUTH = "basicAuth";

  private final HttpUrl baseUrl;
  private final Secret apiKey;
  private final String apiKeyHeader;
  private final Map<String, Secret> secrets;
  private final Secret bearerToken;
  private final Supplier<String> bearerTokenSupplier;
  private final String basicAuthUser;
  private final Secret basicAuthPassword;
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
    this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(builder.secrets));
    this.bearerToken = builder.bearerToken;
    this.bearerTokenSupplier = builder.bearerTokenSupplier;
    this.basicAuthUser = builder.basicAuthUser;
    this.basicAuthPassword = builder.basicAuthPassword;
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

  /**
   * A credential the API names besides the API key, by the name of its setting (such as {@code
   * appId}); {@code apiKey} gives {@link #apiKey()}.
   */
  public Optional<Secret> secret(String name) {
    return API_KEY.equals(name) ? apiKey() : Optional.ofNullable(secrets.get(name));
  }

  /** The credentials set with {@link Builder#secret}, by name. */
  public Map<String, Secret> secrets() {
    return secrets;
  }

  /** The bearer token, if one fixed token was given (rather than a supplier). */
  public Optional<Secret> bearerToken() {
    return Optional.ofNullable(bearerToken);
  }

  /**
   * Where each request's bearer token comes from, if the client has one: a fixed token given to
   * {@link Builder#bearerToken}, or the caller's own supplier, asked once per request.
   */
  public Optional<Supplier<String>> bearerTokenSupplier() {
    return Optional.ofNullable(bearerTokenSupplier);
  }

  /** The user name for HTTP basic authentication, if set. */
  public Optional<String> basicAuthUser() {
    return Optional.ofNullable(basicAuthUser);
  }

  /** The password for HTTP basic authentication, if set; never shown. */
  public Optional<Secret> basicAuthPassword() {
    return Optional.ofNullable(basicAuthPassword);
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
    builder.secrets.putAll(secrets);
    builder.bearerToken = bearerToken;
    builder.bearerTokenSupplier = bearerTokenSupplier;
    builder.basicAuthUser = basicAuthUser;
    builder.basicAuthPassword = basicAuthPassword;
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
        + (secrets.isEmpty() ? "" : ", secrets=" + secrets)
        + (bearerTokenSupplier == null ? "" : ", bearerToken=[redacted]")
        + (basicAuthUser == null ? "" : ", basicAuth=" + basicAuthUser + ":[redacted]")
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
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final Map<String, String> secretVariables = new LinkedHashMap<>();
    private Secret bearerToken;
    private Supplier<String> bearerTokenSupplier;
    private String bearerTokenVariable;
    private String basicAuthUser;
    private Secret basicAuthPassword;
    private final List<List<String>> requiredCredentials = new ArrayList<>();
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

    /**
     * A credential the API names besides the API key, such as an application id sent with it, by
     * the name of its setting.
     */
    public Builder secret(String name, String value) {
      Objects.requireNonNull(name, "name");
      if (API_KEY.equals(name)) return apiKey(value);
      if (value == null) secrets.remove(name);
      else secrets.put(name, Secret.of(value));
      return this;
    }

    /** The environment variable read for the credential {@code name} when it is not set in code. */
    public Builder secretEnvironmentVariable(String name, String variable) {
      Objects.requireNonNull(name, "name");
      if (API_KEY.equals(name)) return apiKeyEnvironmentVariable(variable);
      secretVariables.put(name, Objects.requireNonNull(variable, "variable"));
      return this;
    }

    /** One bearer token for every request that takes one; it replaces a supplier. */
    public Builder bearerToken(String token) {
      this.bearerToken = token == null ? null : Secret.of(token);
      this.bearerTokenSupplier = bearerToken == null ? null : bearerToken::reveal;
      return this;
    }

    /**
     * Where each request's bearer token comes from, such as an OAuth 2 client that refreshes it:
     * it is asked once per request (each retry included), from the thread that sends it, so it
     * must be thread-safe and should answer quickly from a cache. A request for which it returns
     * null or a blank token is sent without one.
     */
    public Builder bearerTokenSupplier(Supplier<String> supplier) {
      this.bearerTokenSupplier = supplier;
      this.bearerToken = null;
      return this;
    }

    /** The environment variable read for a bearer token when none is set in code. */
    public Builder bearerTokenEnvironmentVariable(String name) {
      this.bearerTokenVariable = name;
      return this;
    }

    /** Credentials for HTTP basic authentication; the password is never shown. */
    public Builder basicAuth(String user, String password) {
      this.basicAuthUser = Objects.requireNonNull(user, "user");
      this.basicAuthPassword = Secret.of(Objects.requireNonNull(password, "password"));
      return this;
    }

    /**
     * Makes {@link #build} fail unless one of these credentials is set or found in the
     * environment: {@value ClientOptions#API_KEY}, {@value ClientOptions#BEARER_TOKEN}, {@value
     * ClientOptions#BASIC_AUTH} or the name of a {@link #secret}. Several names joined by {@code
     * +} must all be set. Generated clients call it for the credentials their API requires.
     */
    public Builder requireCredential(String... anyOf) {
      List<String> alternatives = List.of(anyOf);
      if (alternatives.isEmpty()) throw new IllegalArgumentException("name a credential");
      requiredCredentials.add(alternatives);
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
      secretVariables.forEach((name, variable) -> {
        if (secrets.containsKey(name)) return;
        String fromEnvironment = environment.apply(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank())
          secrets.put(name, Secret.of(fromEnvironment));
      });
      if (bearerTokenSupplier == null && bearerTokenVariable != null) {
        String fromEnvironment = environment.apply(bearerTokenVariable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) bearerToken(fromEnvironment);
      }
      if (apiKey == null && apiKeyHeader != null) {
        throw new IllegalStateException(missing(List.of(API_KEY)));
      }
      for (List<String> anyOf : requiredCredentials) {
        if (anyOf.stream().noneMatch(this::isSet)) throw new IllegalStateException(missing(anyOf));
      }
      return new ClientOptions(this);
    }

    private boolean isSet(String credentials) {
      for (String name : credentials.split("\\+")) {
        boolean set = switch (name) {
          case API_KEY -> apiKey != null;
          case BEARER_TOKEN -> bearerTokenSupplier != null;
          case BASIC_AUTH -> basicAuthUser != null;
          default -> secrets.containsKey(name);
        };
        if (!set) return false;
      }
      return true;
    }

    /** What to do when none of the required credentials is there: the settings and variables. */
    private String missing(List<String> anyOf) {
      if (anyOf.equals(List.of(API_KEY))) {
        return "no API key: call apiKey(...)"
            + (apiKeyVariable == null ? "" : " or set the environment variable " + apiKeyVariable);
      }
      List<String> ways = new ArrayList<>();
      for (String credentials : anyOf) {
        List<String> parts = new ArrayList<>();
        for (String name : credentials.split("\\+")) {
          String variable = switch (name) {
            case API_KEY -> apiKeyVariable;
            case BEARER_TOKEN -> bearerTokenVariable;
            case BASIC_AUTH -> null;
            default -> secretVariables.get(name);
          };
          String setting = BEARER_TOKEN.equals(name)
              ? "bearerToken(...) or bearerTokenSupplier(...)"
              : name + "(...)";
          parts.add(
              variable == null
                  ? setting
                  : setting + " (or the environment variable " + variable + ")");
        }
        ways.add(String.join(" and ", parts));
      }
      return "no credentials: call " + String.join("; or ", ways);
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
