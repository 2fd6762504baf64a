package ai.cartesia.generator.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The change report as JSON, for tools: a release script, a CI gate, a bot. */
public final class JsonReport {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String of(ChangeReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("oldVersion", report.oldVersion());
    root.put("newVersion", report.newVersion());
    root.put("bump", report.bump().label());
    root.put("breaking", report.breaking().size());
    root.put("compatible", report.compatible().size());
    ArrayNode changes = root.putArray("changes");
    for (Change change : report.changes()) {
      ObjectNode node = changes.addObject();
      node.put("action", change.action().name().toLowerCase(java.util.Locale.ROOT));
      node.put("element", change.element());
      node.put("owner", change.owner());
      node.put("java", change.java());
      node.put("detail", change.detail());
      node.put("breaking", change.breaking());
      node.put("breaksSource", change.breaksSource());
      node.put("breaksBinary", change.breaksBinary());
      node.put("breaksBehaviour", change.breaksBehaviour());
    }
    ArrayNode renames = root.putArray("possibleRenames");
    for (Rename rename : report.possibleRenames()) {
      renames
          .addObject()
          .put("element", rename.element())
          .put("from", rename.from())
          .put("to", rename.to());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
