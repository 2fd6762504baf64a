package ai.cartesia.core.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** A hand-written stand-in for the generated TTS {@code WebSocketResponse} union. */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = TtsMessage.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = TtsMessage.Chunk.class, name = "chunk"),
  @JsonSubTypes.Type(value = TtsMessage.Timestamps.class, name = "timestamps"),
  @JsonSubTypes.Type(value = TtsMessage.FlushDone.class, name = "flush_done"),
  @JsonSubTypes.Type(value = TtsMessage.Done.class, name = "done"),
  @JsonSubTypes.Type(value = TtsMessage.Error.class, name = "error")
})
public sealed interface TtsMessage {

  String contextId();

  boolean done();

  record Chunk(@JsonProperty("context_id") String contextId, byte[] data, boolean done)
      implements TtsMessage {}

  record WordTimestamps(List<String> words, List<Double> start, List<Double> end) {}

  record Timestamps(
      @JsonProperty("context_id") String contextId,
      @JsonProperty("word_timestamps") WordTimestamps wordTimestamps,
      boolean done)
      implements TtsMessage {}

  record FlushDone(
      @JsonProperty("context_id") String contextId,
      @JsonProperty("flush_id") int flushId,
      boolean done)
      implements TtsMessage {}

  record Done(@JsonProperty("context_id") String contextId, boolean done) implements TtsMessage {}

  record Error(
      @JsonProperty("context_id") String contextId,
      String error,
      boolean done,
      @JsonProperty("status_code") int statusCode)
      implements TtsMessage {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  record Unknown(String type, @JsonProperty("context_id") String contextId, boolean done)
      implements TtsMessage {}
}
