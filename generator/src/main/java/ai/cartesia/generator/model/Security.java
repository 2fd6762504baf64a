package ai.cartesia.generator.model;

import java.util.List;

/**
 * What an API's definition says about credentials: the schemes its operations require, the
 * credentials those schemes send (one builder setting each), and the requirement of operations
 * that state none of their own.
 *
 * @param credentials the client's credential settings, in the order the builder offers them
 * @param schemes the schemes some requirement uses, in the order the definition declares them
 * @param defaults the document's requirement: alternatives in order; empty sends nothing
 */
public record Security(
    List<Credential> credentials, List<Scheme> schemes, List<Requirement> defaults) {

  /** An API without security: no settings, nothing sent. */
  public static final Security NONE = new Security(List.of(), List.of(), List.of());

  public Security {
    credentials = List.copyOf(credentials);
    schemes = List.copyOf(schemes);
    defaults = List.copyOf(defaults);
  }

  /**
   * A credential the client's builder takes.
   *
   * @param name the name of its setting and of the credential in the runtime's options: {@code
   *     apiKey}, {@code bearerToken}, {@code basicAuth}, or a name of its own when an API takes
   *     several API keys together
   * @param docs the description of the first scheme that sends it
   */
  public record Credential(Kind kind, String name, Docs docs) {
    public enum Kind {
      /** A secret string: an API key. */
      API_KEY,
      /** A bearer token, fixed or supplied per request (HTTP bearer, OAuth 2, OpenID Connect). */
      BEARER_TOKEN,
      /** A user name and a password. */
      BASIC
    }
  }

  /**
   * One way of sending a credential.
   *
   * @param id the scheme's name in the definition
   * @param parameter the header, query parameter or cookie name ({@code Authorization} for
   *     bearer and basic)
   * @param credential the {@link Credential#name()} it sends
   */
  public record Scheme(String id, Placement placement, String parameter, String credential) {
    public enum Placement {
      HEADER,
      QUERY,
      COOKIE,
      BEARER,
      BASIC
    }
  }

  /** One alternative of a requirement: the ids of the schemes sent together (none: nothing). */
  public record Requirement(List<String> schemes) {
    public Requirement {
      schemes = List.copyOf(schemes);
    }
  }

  public boolean noSchemes() {
    return schemes.isEmpty();
  }
}
