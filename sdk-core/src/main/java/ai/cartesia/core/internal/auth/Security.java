package ai.cartesia.core.internal.auth;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.internal.http.NoAuth;
import ai.cartesia.core.internal.observe.Redactor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import retrofit2.Invocation;

/**
 * The security schemes of an API and the requirements its operations have by default. A
 * requirement is a list of alternatives, each the schemes sent together; the first alternative
 * whose credentials are all configured is sent. A service method annotated {@link Auth} has its
 * own requirement, {@link NoAuth} none.
 */
public final class Security {

  /** An API that declares no security scheme: nothing is sent. */
  public static final Security NONE = builder().build();

  private final Map<String, AuthScheme> schemes;
  private final List<List<AuthScheme>> defaults;
  private final Map<Method, List<List<AuthScheme>>> byMethod = new ConcurrentHashMap<>();

  private Security(Builder builder) {
    this.schemes = Map.copyOf(builder.schemes);
    List<List<AuthScheme>> resolved = new ArrayList<>();
    for (String alternative : builder.defaults) resolved.add(resolve(alternative));
    this.defaults = List.copyOf(resolved);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * What a client built from options alone sends: the API key in {@link
   * ClientOptions#apiKeyHeader()} on every request, if one is named.
   */
  public static Security of(ClientOptions options) {
    if (options.apiKeyHeader().isEmpty()) return NONE;
    return builder()
        .apiKeyHeader("apiKey", ClientOptions.API_KEY, options.apiKeyHeader().get())
        .require("apiKey")
        .build();
  }

  /** The alternatives for a request: its service method's own, else the API's defaults. */
  List<List<AuthScheme>> requirementsOf(Invocation invocation) {
    if (invocation == null) return defaults;
    return byMethod.computeIfAbsent(invocation.method(), this::requirementsOf);
  }

  private List<List<AuthScheme>> requirementsOf(Method method) {
    if (method.isAnnotationPresent(NoAuth.class)) return List.of();
    Auth auth = method.getAnnotation(Auth.class);
    if (auth == null) return defaults;
    List<List<AuthScheme>> alternatives = new ArrayList<>();
    for (String alternative : auth.value()) alternatives.add(resolve(alternative));
    return List.copyOf(alternatives);
  }

  /** Hides the values of every header and query parameter that carries one of the credentials. */
  public Redactor redactor() {
    Set<String> headers = new LinkedHashSet<>();
    Set<String> query = new LinkedHashSet<>();
    for (AuthScheme scheme : schemes.values()) {
      switch (scheme.placement()) {
        case HEADER -> headers.add(scheme.parameter());
        case QUERY -> query.add(scheme.parameter());
        default -> {}
      }
    }
    return Redactor.DEFAULT.with(headers, query);
  }

  private List<AuthScheme> resolve(String alternative) {
    // An empty alternative is satisfied by sending nothing: the credentials are optional.
    if (alternative.isEmpty()) return List.of();
    List<AuthScheme> together = new ArrayList<>();
    for (String id : alternative.split("\\+")) {
      AuthScheme scheme = schemes.get(id);
      if (scheme == null) {
        throw new IllegalStateException(
            "the security requirement \"" + alternative + "\" names the unknown scheme " + id);
      }
      together.add(scheme);
    }
    return List.copyOf(together);
  }

  @Override
  public String toString() {
    return "Security{schemes=" + schemes.keySet() + ", defaults=" + defaults.size() + "}";
  }

  /** Declares the schemes, then the default requirement. */
  public static final class Builder {
    private final Map<String, AuthScheme> schemes = new LinkedHashMap<>();
    private final List<String> defaults = new ArrayList<>();

    private Builder() {}

    /** An API key in the header {@code header}. */
    public Builder apiKeyHeader(String id, String credential, String header) {
      return scheme(new AuthScheme(id, AuthScheme.Placement.HEADER, credential, header));
    }

    /** An API key in the query parameter {@code parameter}. */
    public Builder apiKeyQuery(String id, String credential, String parameter) {
      return scheme(new AuthScheme(id, AuthScheme.Placement.QUERY, credential, parameter));
    }

    /** An API key in the cookie {@code cookie}. */
    public Builder apiKeyCookie(String id, String credential, String cookie) {
      return scheme(new AuthScheme(id, AuthScheme.Placement.COOKIE, credential, cookie));
    }

    /** A bearer token in {@code Authorization} (HTTP bearer, OAuth 2, OpenID Connect). */
    public Builder bearer(String id) {
      return scheme(new AuthScheme(
          id, AuthScheme.Placement.BEARER, ClientOptions.BEARER_TOKEN, "Authorization"));
    }

    /** Basic credentials in {@code Authorization}. */
    public Builder basic(String id) {
      return scheme(new AuthScheme(
          id, AuthScheme.Placement.BASIC, ClientOptions.BASIC_AUTH, "Authorization"));
    }

    /**
     * The default requirement: its alternatives in order, each scheme ids joined by {@code +}.
     * Without it, operations without an {@link Auth} of their own send nothing.
     */
    public Builder require(String... alternatives) {
      for (String alternative : alternatives)
        defaults.add(Objects.requireNonNull(alternative, "alternative"));
      return this;
    }

    private Builder scheme(AuthScheme scheme) {
      if (schemes.putIfAbsent(scheme.id(), scheme) != null)
        throw new IllegalArgumentException("two schemes named " + scheme.id());
      return this;
    }

    public Security build() {
      return new Security(this);
    }
  }
}
