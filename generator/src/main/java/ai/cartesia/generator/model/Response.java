package ai.cartesia.generator.model;

import java.util.Optional;

/** What a successful call returns. */
public sealed interface Response {

  /** No body. */
  record Empty() implements Response {}

  /** A JSON document of the given type. */
  record Json(TypeRef type) implements Response {}

  /** Opaque bytes, such as audio, streamed to the caller. */
  record Binary(String contentType) implements Response {}

  /**
   * A stream of events, each a JSON document of the given type.
   *
   * @param framing how events are delimited on the wire
   * @param endsWhen a boolean property of events that is true on the last one, if the stream
   *     ends there rather than when the server closes it
   */
  record EventStream(TypeRef eventType, Framing framing, Optional<String> endsWhen) implements Response {}

  enum Framing {
    /** {@code text/event-stream}: Server-Sent Events. */
    SSE,
    /**
     * Either framing, decided by what arrives: one JSON document per line (NDJSON, JSON Lines),
     * or Server-Sent Events. Used for line-delimited media types and for
     * {@code x-stream-framing: sse-or-ndjson}, whose servers may send either.
     */
    JSON_LINES_OR_SSE
  }
}
