package ai.cartesia.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults {@link FakeCartesiaServer} injects into its streams, counted per connection (per
 * WebSocket, per SSE response). Immutable; the default injects none.
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
 */
public record Faults(int dropAfterFrames, int malformedFrameAfter, int unknownTypeAfter, Duration frameDelay,
    int refuseHandshakes) {

  public Faults {
    Objects.requireNonNull(frameDelay, "frameDelay");
    if (dropAfterFrames < 0 || malformedFrameAfter < 0 || unknownTypeAfter < 0 || frameDelay.isNegative()) {
      throw new IllegalArgumentException("fault counts and delays cannot be negative");
    }
  }

  public static Faults none() {
    return new Faults(0, 0, 0, Duration.ZERO, 0);
  }

  public Faults dropAfter(int frames) {
    return new Faults(frames, malformedFrameAfter, unknownTypeAfter, frameDelay, refuseHandshakes);
  }

  public Faults malformedFrameAfter(int frames) {
    return new Faults(dropAfterFrames, frames, unknownTypeAfter, frameDelay, refuseHandshakes);
  }

  public Faults unknownTypeAfter(int frames) {
    return new Faults(dropAfterFrames, malformedFrameAfter, frames, frameDelay, refuseHandshakes);
  }

  public Faults delayEachFrame(Duration delay) {
    return new Faults(dropAfterFrames, malformedFrameAfter, unknownTypeAfter, delay, refuseHandshakes);
  }

  public Faults refuseHandshakesWith(int status) {
    return new Faults(dropAfterFrames, malformedFrameAfter, unknownTypeAfter, frameDelay, status);
  }
}
