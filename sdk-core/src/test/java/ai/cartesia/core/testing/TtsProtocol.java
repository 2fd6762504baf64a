package ai.cartesia.core.testing;

import ai.cartesia.core.internal.json.JsonFields;
import ai.cartesia.core.internal.ws.ContextProtocol;
import java.util.Optional;

/** What generated code will implement from the spec, written by hand for the test types. */
public final class TtsProtocol implements ContextProtocol<TtsRequest, TtsMessage> {

  @Override
  public Optional<String> contextOf(TtsMessage message) {
    return Optional.ofNullable(message.contextId());
  }

  @Override
  public boolean isLast(TtsMessage message) {
    return message.done();
  }

  @Override
  public Optional<String> errorOf(TtsMessage message) {
    return message instanceof TtsMessage.Error error
        ? Optional.of(error.error())
        : Optional.empty();
  }

  @Override
  public TtsRequest cancelRequest(String contextId) {
    return new TtsRequest.Cancel(contextId, true);
  }

  @Override
  public Optional<String> contextOfRequest(TtsRequest message) {
    if (message instanceof TtsRequest.Generate generate)
      return Optional.ofNullable(generate.contextId());
    if (message instanceof TtsRequest.Flush flush) return Optional.ofNullable(flush.contextId());
    return Optional.of(((TtsRequest.Cancel) message).contextId());
  }

  @Override
  public TtsRequest withContext(TtsRequest message, String contextId) {
    if (message instanceof TtsRequest.Flush flush)
      return new TtsRequest.Flush(contextId, flush.transcript(), flush.more(), flush.flush());
    return message instanceof TtsRequest.Generate generate
        ? generate.withContextId(contextId)
        : new TtsRequest.Cancel(contextId, true);
  }

  @Override
  public Optional<String> contextOfUndecodable(String frame) {
    return JsonFields.topLevelText(frame, "context_id");
  }
}
