package ai.cartesia.core.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** A hand-written stand-in for the generated STT {@code StreamingTranscriptionResponse} union. */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = SttMessage.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = SttMessage.Transcript.class, name = "transcript"),
  @JsonSubTypes.Type(value = SttMessage.FlushDone.class, name = "flush_done"),
  @JsonSubTypes.Type(value = SttMessage.Done.class, name = "done"),
  @JsonSubTypes.Type(value = SttMessage.Error.class, name = "error")
})
public sealed interface SttMessage {

  record Word(String word, double start, double end) {}

  record Transcript(
      @JsonProperty("request_id") String requestId,
      String text,
      @JsonProperty("is_final") boolean isFinal,
      List<Word> words)
      implements SttMessage {}

  record FlushDone(@JsonProperty("request_id") String requestId) implements SttMessage {}

  record Done(@JsonProperty("request_id") String requestId) implements SttMessage {}

  record Error(@JsonProperty("request_id") String requestId, String message)
      implements SttMessage {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  record Unknown(String type) implements SttMessage {}
}
