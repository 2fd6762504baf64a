package ai.cartesia.generator.read;

import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.Security;
import ai.cartesia.generator.model.Security.Credential;
import ai.cartesia.generator.model.Security.Requirement;
import ai.cartesia.generator.model.Security.Scheme;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Security schemes and requirements into the model's {@link Security}: which credentials the
 * client's builder takes and what each operation sends.
 *
 * <p>API keys share one {@code apiKey} setting, as alternatives of one key (in a header or the
 * query, say) usually are; only when one requirement sends two API keys together does each
 * scheme get a setting of its own, named after it. HTTP bearer, OAuth 2 and OpenID Connect all
 * send {@code Authorization: Bearer}, so they share the {@code bearerToken} setting; HTTP basic
 * is {@code basicAuth}. Only schemes some requirement uses become settings.
 */
final class SecurityTranslator {

  private static final String SCHEMES = "#/components/securitySchemes";

  private final OpenAPI api;
  private final Diagnostics diagnostics;
  /** The schemes the generated client can send, by id. */
  private final Map<String, Scheme> schemes = new LinkedHashMap<>();

  private final Security security;

  SecurityTranslator(
      OpenAPI api, Components components, Diagnostics diagnostics, Naming.Scope settings) {
    this.api = api;
    this.diagnostics = diagnostics;
    List<List<SecurityRequirement>> used = requirementsInUse();
    Set<String> usedIds = new LinkedHashSet<>();
    used.forEach(list -> list.forEach(requirement -> usedIds.addAll(requirement.keySet())));
    Map<String, SecurityScheme> declared = components.securitySchemes();
    boolean keysTogether = used.stream()
        .flatMap(List::stream)
        .anyMatch(requirement -> requirement.keySet().stream()
                .filter(id -> declared.get(id) != null
                    && declared.get(id).getType() == SecurityScheme.Type.APIKEY)
                .count()
            > 1);
    Map<String, Credential> credentials = new LinkedHashMap<>();
    for (var entry : declared.entrySet()) {
      String id = entry.getKey();
      String pointer = JsonPointers.child(SCHEMES, id);
      if (!usedIds.contains(id)) {
        diagnostics.warn(
            pointer,
            "no operation requires this scheme, so the client offers no setting for it; list it under 'security' to send it");
        continue;
      }
      scheme(id, entry.getValue(), pointer, keysTogether, settings, credentials)
          .ifPresent(scheme -> schemes.put(id, scheme));
    }
    this.security = new Security(
        List.copyOf(credentials.values()),
        List.copyOf(schemes.values()),
        requirements(api.getSecurity(), "#/security"));
  }

  /** The document's schemes, credentials and default requirement. */
  Security security() {
    return security;
  }

  /** What an operation sends: its own requirement if it states one, else the document's. */
  List<Requirement> requirements(io.swagger.v3.oas.models.Operation op, String operationPointer) {
    return op.getSecurity() == null
        ? security.defaults()
        : requirements(op.getSecurity(), operationPointer + "/security");
  }

  private List<Requirement> requirements(List<SecurityRequirement> security, String pointer) {
    if (security == null) return List.of();
    List<Requirement> alternatives = new ArrayList<>();
    for (int i = 0; i < security.size(); i++) {
      SecurityRequirement requirement = security.get(i);
      List<String> together = new ArrayList<>();
      boolean sendable = true;
      for (String id : requirement.keySet()) {
        if (schemes.containsKey(id)) {
          together.add(id);
          continue;
        }
        sendable = false;
        if (api.getComponents() == null
            || api.getComponents().getSecuritySchemes() == null
            || !api.getComponents().getSecuritySchemes().containsKey(id)) {
          diagnostics.warn(
              pointer + "/" + i,
              "names the security scheme '" + id
                  + "', which components/securitySchemes does not declare; this alternative is left out");
        }
      }
      if (sendable) alternatives.add(new Requirement(together));
    }
    return alternatives;
  }

  /** The scheme the client sends, or empty (with a warning) if it cannot send it. */
  private Optional<Scheme> scheme(
      String id,
      SecurityScheme scheme,
      String pointer,
      boolean keysTogether,
      Naming.Scope settings,
      Map<String, Credential> credentials) {
    Docs docs = Docs.of(scheme.getDescription());
    if (scheme.getType() == null) {
      diagnostics.warn(
          pointer,
          "a security scheme needs a 'type'; operations that require it are sent without it");
      return Optional.empty();
    }
    switch (scheme.getType()) {
      case APIKEY -> {
        if (scheme.getName() == null || scheme.getName().isBlank() || scheme.getIn() == null) {
          diagnostics.warn(
              pointer,
              "an apiKey scheme needs 'name' and 'in' (header, query or cookie); operations that require it are sent without it");
          return Optional.empty();
        }
        Scheme.Placement placement = switch (scheme.getIn()) {
          case HEADER -> Scheme.Placement.HEADER;
          case QUERY -> Scheme.Placement.QUERY;
          case COOKIE -> Scheme.Placement.COOKIE;
        };
        String name = keysTogether ? credentialName(id, settings, credentials) : "apiKey";
        credentials.putIfAbsent(name, new Credential(Credential.Kind.API_KEY, name, docs));
        return Optional.of(new Scheme(id, placement, scheme.getName(), name));
      }
      case HTTP -> {
        String kind = scheme.getScheme() == null ? "" : scheme.getScheme().toLowerCase(Locale.ROOT);
        if (kind.equals("bearer")) return Optional.of(bearer(id, docs, credentials));
        if (kind.equals("basic")) {
          credentials.putIfAbsent(
              "basicAuth", new Credential(Credential.Kind.BASIC, "basicAuth", docs));
          return Optional.of(new Scheme(id, Scheme.Placement.BASIC, "Authorization", "basicAuth"));
        }
        diagnostics.warn(
            pointer,
            "the HTTP authentication scheme '" + scheme.getScheme()
                + "' is not supported (only bearer and basic are); operations that require it are sent without it,"
                + " so set its Authorization header with the builder's header(...)");
        return Optional.empty();
      }
      case OAUTH2, OPENIDCONNECT -> {
        return Optional.of(bearer(id, docs, credentials));
      }
      case MUTUALTLS -> {
        diagnostics.warn(
            pointer,
            "mutual TLS is not configured by the generated client: pass an OkHttp client with the certificate to the builder's httpClient(...)");
        return Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static Scheme bearer(String id, Docs docs, Map<String, Credential> credentials) {
    credentials.putIfAbsent(
        "bearerToken", new Credential(Credential.Kind.BEARER_TOKEN, "bearerToken", docs));
    return new Scheme(id, Scheme.Placement.BEARER, "Authorization", "bearerToken");
  }

  /**
   * A setting of its own for one of several API keys: named after its scheme, clear of the others
   * and of the builder's settings ({@code apiKey} is one of those, but free in this case).
   */
  private static String credentialName(
      String id, Naming.Scope settings, Map<String, Credential> credentials) {
    String preferred = Naming.memberName(id);
    if (preferred.equals("apiKey") && !credentials.containsKey(preferred)) return preferred;
    return settings.claim(preferred);
  }

  /** The document's requirement and every operation's own, in document order. */
  private List<List<SecurityRequirement>> requirementsInUse() {
    List<List<SecurityRequirement>> used = new ArrayList<>();
    if (api.getSecurity() != null) used.add(api.getSecurity());
    if (api.getPaths() == null) return used;
    for (PathItem item : api.getPaths().values()) {
      if (item == null) continue;
      for (var op : item.readOperations()) {
        if (op.getSecurity() != null) used.add(op.getSecurity());
      }
    }
    return used;
  }
}
