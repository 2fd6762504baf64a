package ai.cartesia.generator.read;

import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.TypeRef;
import ai.cartesia.generator.model.TypeRef.Primitive.Kind;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Optional;

/** Translates an operation marked {@code x-websocket} into a WebSocket channel. */
final class ChannelTranslator {

  private final OpenAPI api;
  private final SchemaTranslator schemas;
  private final Components components;
  private final Diagnostics diagnostics;
  private final ParameterTranslator parameters;
  private final StreamingKeys streaming;

  ChannelTranslator(
      OpenAPI api,
      SchemaTranslator schemas,
      Components components,
      Diagnostics diagnostics,
      ParameterTranslator parameters) {
    this.api = api;
    this.schemas = schemas;
    this.components = components;
    this.diagnostics = diagnostics;
    this.parameters = parameters;
    this.streaming = new StreamingKeys(diagnostics);
  }

  Channel channel(
      OperationIdentity identity,
      String javaName,
      String methodName,
      String resource,
      PathItem item,
      io.swagger.v3.oas.models.Operation op,
      Extensions.WebSocket ws) {
    String where = identity.pointer() + "/" + Extensions.WEBSOCKET;
    Optional<TypeRef> send = ws.send().map(ref -> message(ref, where + "/send"));
    TypeRef receive = message(ws.receive(), where + "/receive");
    List<Parameter> handshake = parameters.parameters(item, op, identity);
    Optional<String> parametersObject = parameters.requestObject(
        identity.stem() + "Params",
        identity.pointer(),
        Docs.of("The query parameters of the handshake."),
        handshake,
        Optional.empty());
    return Channel.builder()
        .identity(identity.operationId(), identity.pointer(), identity.docs())
        .names(javaName, methodName, Naming.memberName(resource))
        .handshake(
            identity.path(),
            handshake,
            parametersObject,
            components.apiKeyLocation(
                op.getSecurity() != null ? op.getSecurity() : api.getSecurity(),
                SecurityScheme.In.QUERY))
        .sends(send, ws.binary(), ws.textCommands())
        .receives(receive, ws.lastMessage())
        .contexts(contexts(ws, where))
        .speech(ws.speech())
        .streaming(
            streaming.channelError(ws.keys(), where),
            streaming.session(
                ws.keys(), where, (ref, pointer) -> message(Extensions.reference(ref), pointer)))
        .build();
  }

  private Optional<Channel.Contexts> contexts(Extensions.WebSocket ws, String where) {
    if (ws.multiplexBy().isEmpty()) return Optional.empty();
    Optional<TypeRef> cancel = ws.cancel().map(ref -> message(ref, where + "/cancel"));
    return Optional.of(new Channel.Contexts(
        ws.multiplexBy().get(),
        ws.contextEndsWhen(),
        ws.contextErrorTag(),
        ws.contextErrorFields(),
        cancel));
  }

  private TypeRef message(Extensions.Reference reference, String pointer) {
    if (reference.ref().isEmpty()) {
      diagnostics.error(
          pointer,
          "a channel needs a schema reference here, such as '#/components/schemas/Message'");
      return TypeRef.primitive(Kind.ANY);
    }
    return schemas.typeOf(new Schema<>().$ref(reference.ref().get()), "Message", pointer);
  }
}
