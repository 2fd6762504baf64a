package ai.cartesia.testing;

import ai.cartesia.core.internal.json.JsonFields;
import ai.cartesia.core.internal.ws.ContextProtocol;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The TTS context protocol over plain JSON trees, standing in for what generated code implements. */
final class JsonTtsProtocol implements ContextProtocol<ObjectNode, JsonNode> {

  @Override
  public Optional<String> contextOf(JsonNode message) {
    return message.path("context_id").isTextual()
        ? Optional.of(message.get("context_id").asText())
        : Optional.empty();
  }

  @Override
  public boolean isLast(JsonNode message) {
    return message.path("done").asBoolean(false);
  }

  @Override
  public Optional<String> errorOf(JsonNode message) {
    return message.path("type").asText().equals("error")
        ? Optional.of(message.path("error").asText())
        : Optional.empty();
  }

  @Override
  public ObjectNode cancelRequest(String contextId) {
    return JsonNodeFactory.instance.objectNode().put("context_id", contextId).put("cancel", true);
  }

  @Override
  public Optional<String> contextOfRequest(ObjectNode message) {
    return contextOf(message);
  }

  @Override
  public ObjectNode withContext(ObjectNode message, String contextId) {
    return message.deepCopy().put("context_id", contextId);
  }

  @Override
  public Optional<String> contextOfUndecodable(String frame) {
    return JsonFields.topLevelText(frame, "context_id");
  }
}
