package ai.cartesia.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything the emitters need, free of OpenAPI and of JavaPoet: types, HTTP resources and
 * WebSocket channels, each with its names already decided.
 *
 * @param clientName the Java name of the top-level client class
 * @param defaultBaseUrl the first server of the spec, if it names one
 * @param apiKeyHeader the header that carries the API key on HTTP requests, if the API uses one
 */
public record ApiModel(
    String title,
    String version,
    Docs docs,
    String clientName,
    Optional<String> defaultBaseUrl,
    Optional<String> apiKeyHeader,
    List<TypeDecl> types,
    List<Resource> resources,
    List<Channel> channels) {

  public Optional<TypeDecl> type(String name) {
    return types.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
