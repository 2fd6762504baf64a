package ai.cartesia.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings operations written as a reference to another file ({@code get: {$ref:
 * resources/list.yml}}) into the document, as multi-file specs kept for a bundler do. OpenAPI
 * allows a reference for a whole path item but not for one operation, so the parser would read
 * such an operation as empty. The operation's own references are rewritten to stay correct from
 * the document's folder ({@code $ref}s, and the references of discriminator mappings): {@code #/x}
 * in the operation's file becomes {@code resources/list.yml#/x}, {@code ../shared/error.yml}
 * becomes {@code shared/error.yml}.
 */
final class OperationRefs {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private OperationRefs() {}

  /** Replaces each referenced operation of {@code root} in place; the problems found, located. */
  static List<SpecProblem> inline(JsonNode root, Path document, ObjectMapper yaml) {
    List<SpecProblem> problems = new ArrayList<>();
    if (!(root.get("paths") instanceof ObjectNode paths)) return problems;
    Path folder = document.toAbsolutePath().getParent();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      if (!(path.getValue() instanceof ObjectNode item)) continue;
      for (Map.Entry<String, JsonNode> operation : item.properties()) {
        String ref = externalRef(operation.getValue());
        if (!METHODS.contains(operation.getKey()) || ref == null) continue;
        String pointer =
            JsonPointers.child(JsonPointers.child("#/paths", path.getKey()), operation.getKey())
                + "/$ref";
        try {
          operation.setValue(load(ref, folder, References.componentSchemas(root), yaml));
        } catch (IOException | IllegalArgumentException e) {
          problems.add(SpecProblem.error(
              pointer, "cannot read the operation '" + ref + "': " + e.getMessage()));
        }
      }
    }
    return problems;
  }

  /** The target of a node that is only a reference to another file, or null. */
  private static String externalRef(JsonNode node) {
    if (!(node instanceof ObjectNode object) || object.size() != 1) return null;
    JsonNode ref = object.get("$ref");
    return ref != null && ref.isTextual() && !ref.asText().startsWith("#") && !isUrl(ref.asText())
        ? ref.asText()
        : null;
  }

  /** The operation {@code ref} names, its references rewritten relative to {@code documentFolder}. */
  private static JsonNode load(String ref, Path documentFolder, JsonNode schemas, ObjectMapper yaml)
      throws IOException {
    int hash = ref.indexOf('#');
    Path file = documentFolder.resolve(hash < 0 ? ref : ref.substring(0, hash)).normalize();
    JsonNode loaded = yaml.readTree(Files.readString(file));
    if (hash >= 0 && hash + 1 < ref.length()) loaded = loaded.at(ref.substring(hash + 1));
    if (loaded == null || loaded.isMissingNode() || !loaded.isObject()) {
      throw new IllegalArgumentException("it names no object");
    }
    References.rewrite(loaded, schemas, reference -> rebased(reference, file, documentFolder));
    return loaded;
  }

  private static String rebased(String ref, Path file, Path documentFolder) {
    if (isUrl(ref)) return ref;
    int hash = ref.indexOf('#');
    String target = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash);
    Path targetFile = target.isEmpty() ? file : file.getParent().resolve(target).normalize();
    String relative = documentFolder.relativize(targetFile).toString().replace('\\', '/');
    return relative + fragment;
  }

  private static boolean isUrl(String ref) {
    try {
      return URI.create(ref.replace(" ", "%20")).getScheme() != null && ref.indexOf(':') > 1;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
