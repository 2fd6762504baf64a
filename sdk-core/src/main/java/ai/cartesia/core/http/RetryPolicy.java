package ai.cartesia.core.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Headers;

/**
 * When to try a failed call again, and how long to wait first: exponential backoff with jitter,
 * unless the server says how long to wait with {@code retry-after-ms} or {@code Retry-After}.
 */
public record RetryPolicy(
    int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxServerDelay) {

  /** Backoff from 0.5 s doubling up to 8 s; a server may ask for up to 60 s. */
  public static RetryPolicy defaults(int maxRetries) {
    return new RetryPolicy(
        maxRetries, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
  }

  /** The same policy with another number of retries. */
  public RetryPolicy withMaxRetries(int retries) {
    return new RetryPolicy(retries, initialDelay, maxDelay, maxServerDelay);
  }

  /** 408 (timeout), 409 (conflict, often a lock), 429 (rate limit) and every 5xx may pass later. */
  public static boolean isRetryableStatus(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  public boolean allowsAnother(int retriesSoFar) {
    return retriesSoFar < maxRetries;
  }

  /** The wait before retry number {@code retry} (0 for the first retry). */
  public Duration delay(int retry, Headers headers) {
    Optional<Duration> asked = serverDelay(headers);
    if (asked.isPresent() && asked.get().compareTo(maxServerDelay) <= 0) {
      return asked.get().isNegative() ? Duration.ZERO : asked.get();
    }
    long base = initialDelay.toMillis() << Math.min(retry, 20);
    long capped = Math.min(base, maxDelay.toMillis());
    // Up to a quarter less, so that clients that failed together do not retry together.
    long jitter = (long) (capped * 0.25 * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(capped - jitter);
  }

  static Optional<Duration> serverDelay(Headers headers) {
    if (headers == null) return Optional.empty();
    String millis = headers.get("retry-after-ms");
    if (millis != null) {
      try {
        return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.strip())));
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    String retryAfter = headers.get("Retry-After");
    if (retryAfter == null) return Optional.empty();
    try {
      return Optional.of(Duration.ofMillis((long) (Double.parseDouble(retryAfter.strip()) * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at =
            ZonedDateTime.parse(retryAfter.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at));
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
