package ai.cartesia.generator.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

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

  public ApiModel {
    types = new TypesByName(types);
  }

  /** The server's URL with its variables at their defaults. */
  public Optional<String> defaultBaseUrl() {
    return server.map(Server::defaultUrl);
  }

  /** The type of that name; emitters ask for one per reference, so it is found by index. */
  public Optional<TypeDecl> type(String name) {
    return Optional.ofNullable(((TypesByName) types).byName.get(name));
  }

  /**
   * The types in their order, unmodifiable, with an index by name: GitHub's description has
   * thousands of types, and a search through the list per lookup was a tenth of its generation.
   */
  private static final class TypesByName extends AbstractList<TypeDecl> implements RandomAccess {
    private final List<TypeDecl> types;
    private final Map<String, TypeDecl> byName;

    TypesByName(List<TypeDecl> types) {
      this.types = types instanceof TypesByName indexed ? indexed.types : List.copyOf(types);
      this.byName = types instanceof TypesByName indexed ? indexed.byName : index(this.types);
    }

    private static Map<String, TypeDecl> index(List<TypeDecl> types) {
      Map<String, TypeDecl> byName = new HashMap<>();
      // The first of a name wins, as the search through the list found it.
      for (TypeDecl type : types) byName.putIfAbsent(type.name(), type);
      return byName;
    }

    @Override
    public TypeDecl get(int index) {
      return types.get(index);
    }

    @Override
    public int size() {
      return types.size();
    }
  }
}
