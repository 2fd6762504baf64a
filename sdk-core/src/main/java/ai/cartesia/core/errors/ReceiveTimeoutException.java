package ai.cartesia.core.errors;

import java.time.Duration;

/**
 * No message arrived within the time a reader was willing to wait. The stream itself is still
 * open: waiting again may succeed.
 */
public class ReceiveTimeoutException extends SdkException {

  private final Duration timeout;

  public ReceiveTimeoutException(String message, Duration timeout) {
    super(message);
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }
}
