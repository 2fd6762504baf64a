package ai.cartesia.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both documents load cleanly and every reference in them names something that exists. */
class SpecParsesTest {

  private static final Pattern LOCAL_REF =
      Pattern.compile("#/components/([A-Za-z]+)/([A-Za-z0-9._-]+)");

  @ParameterizedTest
  @ValueSource(strings = {SpecDocuments.CURRENT, SpecDocuments.PREVIOUS})
  void loadsWithoutMessages(String file) {
    SwaggerParseResult result = SpecDocuments.parsed(file);
    assertThat(result.getMessages()).as("swagger-parser messages for %s", file).isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api).isNotNull();
    assertThat(api.getOpenapi()).isEqualTo("3.0.3");
    assertThat(api.getInfo().getExtensions()).containsEntry("x-client-name", "Cartesia");
    assertThat(api.getPaths()).isNotEmpty();
    assertThat(api.getComponents().getSchemas()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {SpecDocuments.CURRENT, SpecDocuments.PREVIOUS})
  void everyReferenceNamesAnExistingComponent(String file) {
    JsonNode root = SpecDocuments.tree(file);
    List<String> problems = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    walk(root, "#", (pointer, ref) -> {
      refs.add(ref);
      Matcher m = LOCAL_REF.matcher(ref);
      if (!m.matches()) {
        problems.add(
            pointer + ": '" + ref + "' is not a reference to a component of this document");
        return;
      }
      JsonNode target = root.path("components").path(m.group(1)).path(m.group(2));
      if (target.isMissingNode()) problems.add(pointer + ": '" + ref + "' names nothing");
    });
    assertThat(problems).as("dangling references in %s", file).isEmpty();
    // The walk reaches into extensions too: the channel messages are references.
    assertThat(refs)
        .contains(
            "#/components/schemas/WebSocketRequest", "#/components/schemas/WebSocketResponse");
  }

  @ParameterizedTest
  @ValueSource(strings = {SpecDocuments.CURRENT, SpecDocuments.PREVIOUS})
  void resolvedModelHasNoUnresolvedReferences(String file) {
    OpenAPI api = SpecDocuments.parsed(file).getOpenAPI();
    var components = api.getComponents();
    List<String> problems = new ArrayList<>();
    api.getPaths()
        .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
          String where = method + " " + path;
          if (op.getParameters() != null) {
            op.getParameters().forEach(p -> {
              if (p.get$ref() != null) {
                if (!components.getParameters().containsKey(lastSegment(p.get$ref())))
                  problems.add(where + ": parameter " + p.get$ref());
              } else if (p.getName() == null || p.getSchema() == null) {
                problems.add(where + ": a parameter has no name or no schema");
              }
            });
          }
          if (op.getRequestBody() != null && op.getRequestBody().get$ref() != null) {
            problems.add(where + ": request body left as " + op.getRequestBody().get$ref());
          }
          op.getResponses().forEach((code, response) -> {
            if (response.get$ref() != null
                && !components.getResponses().containsKey(lastSegment(response.get$ref()))) {
              problems.add(where + " " + code + ": response " + response.get$ref());
            }
          });
          Object ws = op.getExtensions() == null ? null : op.getExtensions().get("x-websocket");
          if (ws instanceof Map<?, ?> map) {
            for (String key : List.of("send", "receive")) {
              if (map.get(key) instanceof Map<?, ?> refMap) {
                String ref = String.valueOf(refMap.get("$ref"));
                if (!components.getSchemas().containsKey(lastSegment(ref)))
                  problems.add(where + ": x-websocket." + key + " names " + ref);
              }
            }
          }
        }));
    assertThat(problems).isEmpty();
  }

  private static String lastSegment(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  interface RefVisitor {
    void visit(String pointer, String ref);
  }

  static void walk(JsonNode node, String pointer, RefVisitor visitor) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = pointer + "/" + SpecDocuments.escape(field.getKey());
        if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
          visitor.visit(child, field.getValue().asText());
        } else if (field.getKey().equals("mapping") && pointer.endsWith("/discriminator")) {
          // Discriminator mappings hold references as plain values.
          field
              .getValue()
              .fields()
              .forEachRemaining(e -> visitor.visit(
                  child + "/" + SpecDocuments.escape(e.getKey()), e.getValue().asText()));
        } else {
          walk(field.getValue(), child, visitor);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) walk(node.get(i), pointer + "/" + i, visitor);
    }
  }
}
