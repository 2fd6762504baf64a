package ai.cartesia.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything the emitters need, free of OpenAPI and of JavaPoet: types, HTTP resources and
 * WebSocket channels, each with its names already decided.
 *
 * @param clientName the Java name of the top-level client class
 * @param server the server requests go to unless the caller names another, if the spec names
 *     one with an absolute URL
 * @param security the credentials the API takes and where its operations send them
 */
public record ApiModel(
    String title,
    String version,
    Docs docs,
    String clientName,
    Optional<Server> server,
    Security security,
    List<TypeDecl> types,
    List<Resource> resources,
    List<Channel> channels) {

  /** The server's URL with its variables at their defaults. */
  public Optional<String> defaultBaseUrl() {
    return server.map(Server::defaultUrl);
  }

  public Optional<TypeDecl> type(String name) {
    return types.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
