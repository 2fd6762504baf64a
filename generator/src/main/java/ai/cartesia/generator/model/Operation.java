package ai.cartesia.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * One HTTP operation.
 *
 * @param methodName the Java method name within its resource
 * @param path the path template relative to the base URL, without a leading slash
 * @param security what the operation sends: its own requirement, else the document's;
 *     alternatives in order, the first whose credentials are configured wins; empty sends none
 * @param requestObject the request object that gathers the non-path parameters and form fields,
 *     if the operation has one
 * @param pagination how to page through the results, if the operation returns pages
 */
public record Operation(
    String operationId,
    String pointer,
    String methodName,
    String httpMethod,
    String path,
    Docs docs,
    List<Parameter> parameters,
    Optional<Body> body,
    Response response,
    List<Security.Requirement> security,
    Optional<String> requestObject,
    Optional<Pagination> pagination) {

  /** The parameters a caller supplies (constants are sent by the SDK itself). */
  public List<Parameter> callerParameters() {
    return parameters.stream().filter(p -> p.constant().isEmpty()).toList();
  }
}
