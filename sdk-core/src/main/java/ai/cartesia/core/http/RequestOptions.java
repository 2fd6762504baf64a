package ai.cartesia.core.http;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for one call that differ from the client's: a timeout, a number of retries, extra
 * headers. Pass it as the last argument of any generated method.
 */
public final class RequestOptions {

  private static final RequestOptions NONE = builder().build();

  private final Duration timeout;
  private final Integer maxRetries;
  private final Map<String, String> headers;

  private RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.maxRetries = builder.maxRetries;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options that change nothing. */
  public static RequestOptions none() {
    return NONE;
  }

  /** How long each read and write of this call may take. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  /** Headers added to this call, replacing the client's headers of the same name. */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries + ", headers="
        + headers.keySet() + "}";
  }

  public static final class Builder {
    private Duration timeout;
    private Integer maxRetries;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be 0 or more");
      this.maxRetries = maxRetries;
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
