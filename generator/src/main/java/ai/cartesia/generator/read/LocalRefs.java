package ai.cartesia.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings the local references of a document tree into the form the rest of the reader expects:
 * each names a component. A pointer in URI-fragment form ({@code ~1users~1%7Bid%7D}, RFC 6901
 * section 6) is percent-decoded; a reference to a schema, parameter, response, request body or
 * header that stands inside something else (a property of another schema, an array's items, a
 * parameter of an operation) has its target moved into the components under a name made from
 * where it stood, with a reference to the new component left in its place, so that every user
 * shares one type and a reference back into itself becomes a recursive component.
 */
final class LocalRefs {

  private static final Pattern COMPONENT = Pattern.compile(
      "^/components/(schemas|parameters|responses|requestBodies|headers|examples|links|callbacks|securitySchemes|pathItems)/[^/]+$");

  /** Schema keywords whose value is one schema. */
  private static final Set<String> SCHEMA_KEYS = Set.of(
      "schema",
      "items",
      "additionalProperties",
      "not",
      "contains",
      "propertyNames",
      "if",
      "then",
      "else",
      "unevaluatedItems",
      "unevaluatedProperties",
      "additionalItems");

  /** Schema keywords whose value is a list or a map of schemas. */
  private static final Set<String> SCHEMA_COLLECTIONS = Set.of(
      "allOf",
      "oneOf",
      "anyOf",
      "prefixItems",
      "properties",
      "patternProperties",
      "$defs",
      "definitions",
      "dependentSchemas",
      "schemas");

  /** Tokens of a pointer that say how, not what: left out of the names of moved components. */
  private static final Set<String> STRUCTURAL = Set.of(
      "components",
      "paths",
      "content",
      "requestBody",
      "requestBodies",
      "responses",
      "parameters",
      "headers",
      "schema",
      "schemas",
      "properties",
      "items",
      "additionalProperties",
      "allOf",
      "oneOf",
      "anyOf",
      "$defs",
      "definitions");

  private LocalRefs() {}

  /** One {@code $ref} of the tree: the object holding it and where it stands. */
  private record Site(ObjectNode holder, Trail at) {}

  /**
   * The reference tokens of a place, as a link to its parent's: each node of a large document
   * adds one link rather than a copy of its whole path.
   */
  private record Trail(Trail parent, String token) {
    static final Trail ROOT = new Trail(null, "");

    Trail then(String next) {
      return new Trail(this, next);
    }

    /** The token above this one; empty at the top. */
    String parentToken() {
      return parent == null ? "" : parent.token;
    }
  }

  /** Decodes the percent-encoded local references of {@code root} that name nothing as written. */
  static void decode(JsonNode root) {
    for (Site site : sites(root)) {
      String ref = site.holder().get("$ref").asText();
      int hash = ref.indexOf('#');
      if (hash < 0 || ref.indexOf('%', hash) < 0) continue;
      String fragment = ref.substring(hash + 1);
      if (hash == 0 && !root.at(fragment).isMissingNode()) continue;
      String decoded = percentDecoded(fragment);
      if (decoded != null) site.holder().put("$ref", ref.substring(0, hash + 1) + decoded);
    }
  }

  /**
   * Moves each target of a local reference that is not a component into the components, in
   * place; a reference to a reference is followed to the end of the chain first.
   */
  static void hoist(ObjectNode root) {
    Map<String, List<ObjectNode>> byTarget = new LinkedHashMap<>();
    Map<String, String> kinds = new LinkedHashMap<>();
    for (Site site : sites(root)) {
      String ref = site.holder().get("$ref").asText();
      if (!ref.startsWith("#/") || COMPONENT.matcher(ref.substring(1)).matches()) continue;
      String kind = kindAt(site.at());
      if (kind == null) continue;
      byTarget.computeIfAbsent(ref.substring(1), k -> new ArrayList<>()).add(site.holder());
      kinds.putIfAbsent(ref.substring(1), kind);
    }
    // The deepest targets first: a target inside another moves before it, so that each pointer
    // still leads where it did when its turn comes.
    List<String> targets = new ArrayList<>(byTarget.keySet());
    targets.sort(Comparator.comparingInt((String p) -> tokens(p).size()).reversed());
    Set<String> taken = new HashSet<>();
    for (String pointer : targets) {
      JsonNode target = root.at(pointer);
      if (target.isMissingNode()) continue;
      String kind = kinds.get(pointer);
      ObjectNode section = root.withObject("/components").withObject("/" + kind);
      String name = freeName(section, nameFor(root, pointer), taken);
      String newRef = "#/components/" + kind + "/" + escape(name);
      section.set(name, target);
      replace(root, pointer, JsonNodeFactory.instance.objectNode().put("$ref", newRef));
      for (ObjectNode holder : byTarget.get(pointer)) holder.put("$ref", newRef);
    }
  }

  /** What a reference standing at {@code at} refers to: the components section its target belongs in. */
  private static String kindAt(Trail at) {
    String last = at.token();
    String parent = at.parentToken();
    if (SCHEMA_KEYS.contains(last) || SCHEMA_COLLECTIONS.contains(parent)) return "schemas";
    if (parent.equals("parameters")) return "parameters";
    if (parent.equals("responses")) return "responses";
    if (parent.equals("headers")) return "headers";
    if (last.equals("requestBody") || parent.equals("requestBodies")) return "requestBodies";
    return null;
  }

  /**
   * A component name made from the meaningful tokens of a pointer ({@code Pet_owner}); inside an
   * operation, its id and the role the schema has there ({@code getUser_Response}), as the
   * inline type would have been named.
   */
  static String nameFor(JsonNode root, String pointer) {
    List<String> tokens = tokens(pointer);
    List<String> parts = new ArrayList<>();
    if (tokens.size() > 2 && tokens.get(0).equals("paths")) {
      JsonNode operationId =
          root.path("paths").path(tokens.get(1)).path(tokens.get(2)).path("operationId");
      if (operationId.isTextual() && !operationId.asText().isBlank()) {
        parts.add(operationId.asText());
        if (tokens.contains("requestBody")) parts.add("Request");
        else if (tokens.contains("responses")) parts.add("Response");
        tokens = tokens.subList(3, tokens.size()).stream()
            .filter(t -> !t.matches("\\d+|\\dXX|default"))
            .toList();
      }
    }
    for (String token : tokens) {
      if (STRUCTURAL.contains(token) || token.contains("/") && !token.startsWith("/")) continue;
      String cleaned = token.replaceAll("[^A-Za-z0-9.\\-_]+", "_").replaceAll("^_+|_+$", "");
      if (!cleaned.isEmpty()) parts.add(cleaned);
    }
    return parts.isEmpty()
        ? "Inline"
        : String.join("_", parts).replaceAll("[^A-Za-z0-9.\\-_]+", "_");
  }

  private static String freeName(ObjectNode section, String preferred, Set<String> taken) {
    String name = preferred;
    for (int i = 2; section.has(name) || taken.contains(name); i++) name = preferred + "_" + i;
    taken.add(name);
    return name;
  }

  private static void replace(JsonNode root, String pointer, JsonNode replacement) {
    List<String> tokens = tokens(pointer);
    String last = tokens.get(tokens.size() - 1);
    JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
    if (parent instanceof ObjectNode object) object.set(last, replacement);
    else if (parent instanceof ArrayNode array) array.set(Integer.parseInt(last), replacement);
  }

  /** The unescaped reference tokens of a JSON pointer without its {@code #}. */
  private static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) return tokens;
    for (String token : pointer.substring(1).split("/", -1))
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    return tokens;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** The text with its {@code %XX} sequences decoded as UTF-8; null if one is malformed. */
  static String percentDecoded(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= text.length()) return null;
      int high = Character.digit(text.charAt(i + 1), 16);
      int low = Character.digit(text.charAt(i + 2), 16);
      if (high < 0 || low < 0) return null;
      bytes.write(high * 16 + low);
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Every {@code $ref} outside opaque data (examples and extensions), found without recursion so
   * that no depth of nesting can overflow the stack.
   */
  private static List<Site> sites(JsonNode root) {
    record Pending(JsonNode node, Trail at) {}
    List<Site> found = new ArrayList<>();
    List<Pending> stack = new ArrayList<>();
    stack.add(new Pending(root, Trail.ROOT));
    while (!stack.isEmpty()) {
      Pending next = stack.remove(stack.size() - 1);
      String key = next.at().token();
      if (next.node() instanceof ObjectNode object) {
        if (object.path("$ref").isTextual()) found.add(new Site(object, next.at()));
        for (Map.Entry<String, JsonNode> field : object.properties()) {
          if (References.isData(field.getKey(), key)) continue;
          stack.add(new Pending(field.getValue(), next.at().then(field.getKey())));
        }
      } else if (next.node() instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++)
          stack.add(new Pending(array.get(i), next.at().then(String.valueOf(i))));
      }
    }
    return found;
  }
}
