package ai.cartesia.generator.read;

import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document's {@code servers} into the server the client calls by default: the first whose URL,
 * its variables at their defaults, is an absolute http(s) URL. Relative URLs (swagger-parser
 * invents {@code /} when a document names no server) give no default: the caller names one.
 */
final class ServerTranslator {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]+)}");

  private ServerTranslator() {}

  static Optional<Server> server(
      List<io.swagger.v3.oas.models.servers.Server> servers,
      Diagnostics diagnostics,
      Naming.Scope settings) {
    if (servers == null) return Optional.empty();
    for (int i = 0; i < servers.size(); i++) {
      var server = servers.get(i);
      String pointer = "#/servers/" + i;
      if (server == null || server.getUrl() == null) continue;
      Optional<List<Server.Variable>> variables = variables(server, pointer, diagnostics);
      if (variables.isEmpty()) continue;
      Server candidate = new Server(server.getUrl(), variables.get());
      if (!candidate.defaultUrl().matches("(?i)https?://[^{}\\s]+")) {
        // swagger-parser's own "/" for a document without servers needs no word.
        if (!candidate.defaultUrl().equals("/")) {
          diagnostics.warn(
              pointer + "/url",
              "'" + candidate.defaultUrl() + "' is not an absolute http(s) URL, so it cannot be the"
                  + " client's default; without another server, callers set the base URL, this"
                  + " path included");
        }
        continue;
      }
      // Names are claimed only for the server that is used, so that they read as the document's.
      List<Server.Variable> named = new ArrayList<>();
      for (Server.Variable variable : candidate.variables()) {
        named.add(new Server.Variable(
            variable.name(),
            settings.claim(Naming.memberName(variable.name())),
            variable.defaultValue(),
            variable.allowed(),
            variable.docs()));
      }
      return Optional.of(new Server(candidate.url(), named));
    }
    return Optional.empty();
  }

  /** The variables the URL uses, or empty (with a warning) if one has no usable default. */
  private static Optional<List<Server.Variable>> variables(
      io.swagger.v3.oas.models.servers.Server server, String pointer, Diagnostics diagnostics) {
    List<Server.Variable> variables = new ArrayList<>();
    Matcher used = VARIABLE.matcher(server.getUrl());
    List<String> seen = new ArrayList<>();
    while (used.find()) {
      String name = used.group(1);
      if (seen.contains(name)) continue;
      seen.add(name);
      ServerVariable declared =
          server.getVariables() == null ? null : server.getVariables().get(name);
      String where = pointer + "/variables/" + name.replace("~", "~0").replace("/", "~1");
      if (declared == null) {
        diagnostics.warn(
            pointer + "/url",
            "the URL uses the variable '" + name
                + "', which 'variables' does not declare; this server is not the default");
        return Optional.empty();
      }
      List<String> allowed = declared.getEnum() == null ? List.of() : declared.getEnum();
      String defaultValue = declared.getDefault();
      if (defaultValue == null && !allowed.isEmpty()) defaultValue = allowed.get(0);
      if (defaultValue == null) {
        diagnostics.warn(
            where, "a server variable needs a 'default'; this server is not the default");
        return Optional.empty();
      }
      if (!allowed.isEmpty() && !allowed.contains(defaultValue)) {
        diagnostics.warn(
            where + "/default",
            "the default '" + defaultValue
                + "' is not one of the 'enum' values; it is allowed too");
        allowed = new ArrayList<>(allowed);
        allowed.add(0, defaultValue);
      }
      variables.add(new Server.Variable(
          name, name, defaultValue, allowed, Docs.of(declared.getDescription())));
    }
    return Optional.of(variables);
  }
}
