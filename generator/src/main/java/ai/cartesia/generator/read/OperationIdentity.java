package ai.cartesia.generator.read;

import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Naming;
import io.swagger.v3.oas.models.Operation;
import java.util.Locale;

/**
 * What identifies an operation, HTTP call or WebSocket channel alike, worked out by one rule.
 *
 * @param operationId the spec's {@code operationId}, or else the method and path ({@code get /voices})
 * @param pointer where the operation is in the spec
 * @param httpMethod upper case, as on the wire
 * @param path relative to the base URL, without a leading slash
 * @param stem the type-name stem of the types made for the operation ({@code TtsBytes} for
 *     {@code TtsBytesRequest})
 */
record OperationIdentity(
    String operationId, String pointer, String httpMethod, String path, String stem, Docs docs) {

  static OperationIdentity of(String path, String method, Operation op, Declarations declarations) {
    String operationId = op.getOperationId() != null ? op.getOperationId() : method + " " + path;
    return new OperationIdentity(
        operationId,
        JsonPointers.operation(path, method),
        method.toUpperCase(Locale.ROOT),
        path.startsWith("/") ? path.substring(1) : path,
        declarations.typeName(operationId),
        new Docs(op.getSummary(), op.getDescription(), Boolean.TRUE.equals(op.getDeprecated())));
  }

  /** The method name within the resource of {@code tag}: {@code tts_bytes} in resource {@code tts} becomes {@code bytes}. */
  String methodName(String tag) {
    return methodName(operationId, tag);
  }

  static String methodName(String operationId, String tag) {
    String full = Naming.memberName(operationId);
    String prefix = Naming.memberName(tag);
    if (full.length() > prefix.length()
        && full.startsWith(prefix)
        && Character.isUpperCase(full.charAt(prefix.length()))) {
      return Naming.memberName(full.substring(prefix.length()));
    }
    return full;
  }
}
