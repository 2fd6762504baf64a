package ai.cartesia.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

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
        String pointer = JsonPointers.child(JsonPointers.child("#/paths", path.getKey()), operation.getKey()) + "/$ref";
        try {
          operation.setValue(load(ref, folder, folder, yaml));
        } catch (IOException | IllegalArgumentException e) {
          problems.add(SpecProblem.error(pointer, "cannot read the operation '" + ref + "': " + e.getMessage()));
        }
      }
    }
    return problems;
  }

  /** The target of a node that is only a reference to another file, or null. */
  private static String externalRef(JsonNode node) {
    if (!(node instanceof ObjectNode object) || object.size() != 1) return null;
    JsonNode ref = object.get("$ref");
    return ref != null && ref.isTextual() && !ref.asText().startsWith("#") && !isUrl(ref.asText()) ? ref.asText() : null;
  }

  private static JsonNode load(String ref, Path from, Path documentFolder, ObjectMapper yaml) throws IOException {
    int hash = ref.indexOf('#');
    Path file = from.resolve(hash < 0 ? ref : ref.substring(0, hash)).normalize();
    JsonNode loaded = yaml.readTree(Files.readString(file));
    if (hash >= 0 && hash + 1 < ref.length()) loaded = loaded.at(ref.substring(hash + 1));
    if (loaded == null || loaded.isMissingNode() || !loaded.isObject()) {
      throw new IllegalArgumentException("it names no object");
    }
    rebase(loaded, "", file, documentFolder);
    return loaded;
  }

  /** Rewrites every reference in {@code node}, written relative to {@code file}, relative to the document's folder. */
  private static void rebase(JsonNode node, String key, Path file, Path documentFolder) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (References.isData(field.getKey(), key)) continue;
        if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(rebased(field.getValue().asText(), file, documentFolder)));
        } else if (field.getKey().equals("mapping") && field.getValue() instanceof ObjectNode mapping
            && object.has("propertyName")) {
          // A discriminator's mapping names schemas by reference too, unless by bare schema name.
          for (Map.Entry<String, JsonNode> tag : mapping.properties()) {
            String target = tag.getValue().asText();
            if (tag.getValue().isTextual() && (target.contains("#") || target.contains("/") || target.contains("."))) {
              tag.setValue(TextNode.valueOf(rebased(target, file, documentFolder)));
            }
          }
        } else {
          rebase(field.getValue(), field.getKey(), file, documentFolder);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> rebase(element, key, file, documentFolder));
    }
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
