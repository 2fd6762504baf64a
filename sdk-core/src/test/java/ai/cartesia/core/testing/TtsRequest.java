package ai.cartesia.core.testing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A hand-written stand-in for the generated TTS {@code WebSocketRequest} union. */
public sealed interface TtsRequest {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Generate(
      @JsonProperty("context_id") String contextId,
      String transcript,
      @JsonProperty("continue") boolean more)
      implements TtsRequest {

    public static Generate of(String transcript) {
      return new Generate(null, transcript, false);
    }

    Generate withContextId(String id) {
      return new Generate(id, transcript, more);
    }
  }

  /** A manual flush: empty text, more to follow, flush now. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Flush(
      @JsonProperty("context_id") String contextId,
      String transcript,
      @JsonProperty("continue") boolean more,
      boolean flush)
      implements TtsRequest {

    public static Flush now() {
      return new Flush(null, "", true, true);
    }
  }

  record Cancel(@JsonProperty("context_id") String contextId, boolean cancel)
      implements TtsRequest {}
}
