package ai.cartesia.core.internal.auth;

import ai.cartesia.core.ClientOptions;
import ai.cartesia.core.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Puts the credentials each request's security requirement names where its schemes say: the
 * first alternative whose credentials are all configured wins, and nothing is sent when none is.
 * A header or query parameter the request already has (set by the caller) is left as it is.
 */
public final class AuthInterceptor implements Interceptor {

  private final Security security;
  private final ClientOptions options;
  /**
   * The tokens the supplier handed out most recently, to mask in texts that may be shown: a
   * rotating supplier's older tokens may still be in flight on concurrent requests.
   */
  private final RecentSecrets suppliedTokens = new RecentSecrets(SUPPLIED_TOKENS_KEPT);

  private static final int SUPPLIED_TOKENS_KEPT = 16;

  private static final String BASIC_PREFIX = "Basic ";

  public AuthInterceptor(Security security, ClientOptions options) {
    this.security = security;
    this.options = options;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    List<List<AuthScheme>> alternatives = security.requirementsOf(request.tag(Invocation.class));
    // A supplier is asked at most once per request: a token is fetched, not recomputed.
    Supplier<String> token = bearerTokenOnce();
    Request authorised = request;
    try {
      for (List<AuthScheme> alternative : alternatives) {
        List<String> values = values(alternative, token);
        if (values != null) {
          authorised = apply(request, alternative, values);
          break;
        }
      }
    } catch (UncheckedIOException supplierFailed) {
      throw supplierFailed.getCause();
    }
    return chain.proceed(authorised);
  }

  /** Removes the bearer tokens the supplier handed out from a text that may be shown. */
  public String redact(String text) {
    return suppliedTokens.redact(text);
  }

  /**
   * The base64 of the basic credentials, as the {@code Authorization} header carries them after
   * {@value #BASIC_PREFIX}; empty unless both user and password are set.
   */
  public static Optional<String> basicCredentials(ClientOptions options) {
    return options
        .basicAuthUser()
        .flatMap(user -> options
            .basicAuthPassword()
            .map(password ->
                Credentials.basic(user, password.reveal()).substring(BASIC_PREFIX.length())));
  }

  /** The value of each scheme of the alternative, or null if one is not configured. */
  private List<String> values(List<AuthScheme> alternative, Supplier<String> token) {
    List<String> values = new ArrayList<>(alternative.size());
    for (AuthScheme scheme : alternative) {
      String value = switch (scheme.placement()) {
        case BEARER -> token.get();
        case BASIC -> basicCredentials(options).map(BASIC_PREFIX::concat).orElse(null);
        default -> options.secret(scheme.credential()).map(Secret::reveal).orElse(null);
      };
      if (value == null) return null;
      values.add(value);
    }
    return values;
  }

  private Supplier<String> bearerTokenOnce() {
    return new Supplier<>() {
      private boolean asked;
      private String header;

      @Override
      public String get() {
        if (!asked) {
          asked = true;
          header = options.bearerTokenSupplier().map(AuthInterceptor.this::ask).orElse(null);
        }
        return header;
      }
    };
  }

  /**
   * Asks the user's supplier for a token. What it throws (a failed OAuth refresh, say) fails this
   * request as an {@link IOException}, which the call reports as a transport error, instead of
   * escaping from OkHttp's interceptor chain unchecked.
   */
  private String ask(Supplier<String> supplier) {
    String token;
    try {
      token = supplier.get();
    } catch (RuntimeException e) {
      throw new UncheckedIOException(
          new IOException("the bearer token supplier failed: " + e.getClass().getName(), e));
    }
    if (token == null || token.isBlank()) return null;
    Secret secret = Secret.of(token);
    if (options.bearerToken().isEmpty()) suppliedTokens.add(secret);
    return "Bearer " + secret.reveal();
  }

  /** Whether the caller's {@code Cookie} header already has a cookie of that name. */
  private static boolean hasCookie(String cookies, String name) {
    if (cookies == null) return false;
    for (String pair : cookies.split(";")) {
      String trimmed = pair.strip();
      if (trimmed.startsWith(name + "=")) return true;
    }
    return false;
  }

  private static Request apply(Request request, List<AuthScheme> schemes, List<String> values) {
    Request.Builder builder = request.newBuilder();
    HttpUrl.Builder url = null;
    String cookies = request.header("Cookie");
    for (int i = 0; i < schemes.size(); i++) {
      AuthScheme scheme = schemes.get(i);
      String value = values.get(i);
      switch (scheme.placement()) {
        case HEADER, BEARER, BASIC -> {
          if (request.header(scheme.parameter()) == null) builder.header(scheme.parameter(), value);
        }
        case QUERY -> {
          if (request.url().queryParameter(scheme.parameter()) == null) {
            if (url == null) url = request.url().newBuilder();
            url.addQueryParameter(scheme.parameter(), value);
          }
        }
        case COOKIE -> {
          if (!hasCookie(cookies, scheme.parameter())) {
            String pair = scheme.parameter() + "=" + value;
            cookies = cookies == null || cookies.isBlank() ? pair : cookies + "; " + pair;
          }
        }
      }
    }
    if (cookies != null) builder.header("Cookie", cookies);
    if (url != null) builder.url(url.build());
    return builder.build();
  }
}
