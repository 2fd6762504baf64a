package ai.cartesia.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults {@link FakeCartesiaServer} injects. Stream faults are counted per connection (per
 * WebSocket, per SSE response); HTTP failures are counted over the whole fake, from the moment
 * these faults are set. Immutable; the default injects none.
 *
 * @param dropAfterFrames drop the connection, with no close frame and no end of body, after this
 *     many frames or events; 0 never drops
 * @param malformedFrameAfter after this many frames, send one frame that is not valid JSON (it
 *     still begins with the {@code context_id} of the frame it stands for); 0 never
 * @param unknownTypeAfter after this many frames, send one message of a type no SDK knows, for the
 *     same context; 0 never
 * @param frameDelay wait this long before each frame or event
 * @param refuseHandshakes answer every WebSocket handshake with this HTTP status (such as 402 or
 *     429) instead of upgrading; 0 upgrades
 * @param failHttpStatus answer HTTP requests (not WebSocket handshakes) to known endpoints with
 *     this error status and the API's JSON error body, with {@code Retry-After: 1} on 429 and
 *     503; 0 fails none
 * @param failHttpCount how many HTTP requests {@code failHttpStatus} answers, after which the fake
 *     serves them again; {@link Integer#MAX_VALUE} for all
 */
public record Faults(
    int dropAfterFrames,
    int malformedFrameAfter,
    int unknownTypeAfter,
    Duration frameDelay,
    int refuseHandshakes,
    int failHttpStatus,
    int failHttpCount) {

  public Faults {
    Objects.requireNonNull(frameDelay, "frameDelay");
    if (dropAfterFrames < 0
        || malformedFrameAfter < 0
        || unknownTypeAfter < 0
        || frameDelay.isNegative()
        || failHttpCount < 0) {
      throw new IllegalArgumentException("fault counts and delays cannot be negative");
    }
    if (failHttpStatus != 0 && (failHttpStatus < 400 || failHttpStatus > 599)) {
      throw new IllegalArgumentException(
          "failHttpStatus must be an error status (400-599), not " + failHttpStatus);
    }
  }

  public static Faults none() {
    return new Faults(0, 0, 0, Duration.ZERO, 0, 0, 0);
  }

  public Faults dropAfter(int frames) {
    return new Faults(
        frames,
        malformedFrameAfter,
        unknownTypeAfter,
        frameDelay,
        refuseHandshakes,
        failHttpStatus,
        failHttpCount);
  }

  public Faults malformedFrameAfter(int frames) {
    return new Faults(
        dropAfterFrames,
        frames,
        unknownTypeAfter,
        frameDelay,
        refuseHandshakes,
        failHttpStatus,
        failHttpCount);
  }

  public Faults unknownTypeAfter(int frames) {
    return new Faults(
        dropAfterFrames,
        malformedFrameAfter,
        frames,
        frameDelay,
        refuseHandshakes,
        failHttpStatus,
        failHttpCount);
  }

  public Faults delayEachFrame(Duration delay) {
    return new Faults(
        dropAfterFrames,
        malformedFrameAfter,
        unknownTypeAfter,
        delay,
        refuseHandshakes,
        failHttpStatus,
        failHttpCount);
  }

  public Faults refuseHandshakesWith(int status) {
    return new Faults(
        dropAfterFrames,
        malformedFrameAfter,
        unknownTypeAfter,
        frameDelay,
        status,
        failHttpStatus,
        failHttpCount);
  }

  /** Every HTTP request from now on is answered with {@code status} (such as 429, 500 or 503). */
  public Faults failHttpWith(int status) {
    return failHttpWith(status, Integer.MAX_VALUE);
  }

  /**
   * The next {@code count} HTTP requests are answered with {@code status}, the ones after them
   * normally: {@code failHttpWith(503, 2)} lets a client with two retries or more succeed at its
   * third attempt.
   */
  public Faults failHttpWith(int status, int count) {
    return new Faults(
        dropAfterFrames,
        malformedFrameAfter,
        unknownTypeAfter,
        frameDelay,
        refuseHandshakes,
        status,
        count);
  }
}
