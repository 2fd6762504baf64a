package ai.cartesia.core.internal.auth;

import ai.cartesia.core.ClientOptions;
import java.util.Objects;

/**
 * One security scheme of an API definition: which credential it sends and where.
 *
 * @param id the scheme's name in the definition, which operations' requirements refer to
 * @param placement where the credential goes
 * @param credential the name of the credential in the {@link ClientOptions} ({@value
 *     ClientOptions#API_KEY}, {@value ClientOptions#BEARER_TOKEN}, {@value
 *     ClientOptions#BASIC_AUTH} or the name of a secret)
 * @param parameter the header, query parameter or cookie name; for bearer and basic, {@code
 *     Authorization}
 */
public record AuthScheme(String id, Placement placement, String credential, String parameter) {

  /** Where a scheme puts its credential. */
  public enum Placement {
    HEADER,
    QUERY,
    COOKIE,
    BEARER,
    BASIC
  }

  public AuthScheme {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(parameter, "parameter");
  }
}
