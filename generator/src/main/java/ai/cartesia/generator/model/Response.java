package ai.cartesia.generator.model;

import java.util.Optional;

/** What a successful call returns. */
public sealed interface Response {

  /** Calls the visitor's method for this kind of response. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of response: a new kind fails to compile until every visitor (the
   * service, the client's call and result type, the decoders) handles it.
   */
  interface Visitor<R> {
    R visitEmpty(Empty empty);

    R visitJson(Json json);

    R visitBinary(Binary binary);

    R visitText(Text text);

    R visitEventStream(EventStream stream);
  }

  /** No body. */
  record Empty() implements Response {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitEmpty(this);
    }
  }

  /** A JSON document of the given type. */
  record Json(TypeRef type) implements Response {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitJson(this);
    }
  }

  /** Opaque bytes, such as audio, streamed to the caller. */
  record Binary(String contentType) implements Response {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBinary(this);
    }
  }

  /** A {@code text/*} document, read whole into a string. */
  record Text(String contentType) implements Response {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitText(this);
    }
  }

  /**
   * A stream of events, each a JSON document of the given type.
   *
   * @param framing how events are delimited on the wire
   * @param endsWhen a boolean property of events that is true on the last one, if the stream
   *     ends there rather than when the server closes it
   * @param error which events report a failure, ending the stream with an error
   */
  record EventStream(
      TypeRef eventType, Framing framing, Optional<String> endsWhen, Optional<StreamError> error)
      implements Response {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitEventStream(this);
    }
  }

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
