package ai.cartesia.generator.read;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.ReservedNames;
import ai.cartesia.generator.model.Resource;
import ai.cartesia.generator.model.Server;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Translates a parsed OpenAPI document into the generator's {@link ApiModel}, handing each
 * concern to its translator: schemas and unions, operations, channels. Every problem is
 * collected with its JSON pointer; constructs that are not supported yet become warnings and the
 * rest of the document is still translated.
 */
public final class ModelBuilder {

  private final OpenAPI api;
  private final Diagnostics diagnostics = new Diagnostics();
  private final Components components;
  private final Declarations declarations;
  private final SchemaTranslator schemas;
  private final OperationTranslator operations;
  private final ChannelTranslator channels;
  private final SecurityTranslator security;
  /** The names the root client's builder gives its settings: credentials, server variables. */
  private final Naming.Scope settings;

  private ModelBuilder(OpenAPI api, Map<String, String> renamedRefs, ReservedNames reserved) {
    this.api = api;
    this.components = new Components(api, renamedRefs, diagnostics);
    this.declarations = new Declarations(reserved);
    this.settings = Naming.Scope.reserving(reserved.builderSettings());
    this.security = new SecurityTranslator(api, components, diagnostics, settings);
    this.schemas = new SchemaTranslator(components, declarations, diagnostics, reserved);
    ParameterTranslator parameters =
        new ParameterTranslator(schemas, components, declarations, diagnostics, reserved);
    PayloadTranslator payloads =
        new PayloadTranslator(schemas, components, declarations, diagnostics);
    this.operations = new OperationTranslator(
        api, components, declarations, diagnostics, parameters, payloads, security);
    this.channels = new ChannelTranslator(api, schemas, components, diagnostics, parameters);
  }

  /** The model and the warnings; throws if the spec has errors. */
  public record Result(ApiModel model, List<SpecProblem> warnings) {}

  /**
   * @param reserved the names the emitters declare or import, which the model's names keep clear of
   */
  public static Result build(
      SpecReader.Parsed parsed, String file, String clientNameOverride, ReservedNames reserved)
      throws SpecException {
    ModelBuilder builder = new ModelBuilder(parsed.api(), parsed.renamedRefs(), reserved);
    builder.diagnostics.addAll(parsed.warnings());
    ApiModel model = builder.translate(clientNameOverride);
    if (builder.diagnostics.hasErrors()) throw new SpecException(file, builder.diagnostics.all());
    return new Result(model, builder.diagnostics.all());
  }

  private ApiModel translate(String clientNameOverride) {
    schemas.declareComponents();
    List<Resource> resources = new ArrayList<>();
    List<Channel> channelList = new ArrayList<>();
    translatePaths(resources, channelList);

    var info = api.getInfo();
    String title = info == null || info.getTitle() == null ? "Api" : info.getTitle();
    String clientName = clientNameOverride != null
        ? clientNameOverride
        : Extensions.clientName(info).orElse(declarations.typeName(title) + "Client");
    Optional<Server> server = ServerTranslator.server(api.getServers(), diagnostics, settings);
    return new ApiModel(
        title,
        info == null || info.getVersion() == null ? "" : info.getVersion(),
        info == null ? Docs.NONE : Docs.of(info.getDescription()),
        clientName,
        server,
        security.security(),
        declarations.all(),
        List.copyOf(resources),
        List.copyOf(channelList));
  }

  private void warnServers(String pointer) {
    diagnostics.warn(
        pointer + "/servers",
        "servers of a path or an operation are not supported; its requests go to the client's base URL");
  }

  /** Operations grouped into resources by their first tag; channels beside them, in the resource of theirs. */
  private void translatePaths(List<Resource> resources, List<Channel> channelList) {
    if (api.getPaths() == null) return;
    Map<String, List<Operation>> byResource = new LinkedHashMap<>();
    Map<String, Naming.Scope> methodScopes = new LinkedHashMap<>();
    Map<String, Docs> resourceDocs = new LinkedHashMap<>();
    if (api.getTags() != null) {
      for (io.swagger.v3.oas.models.tags.Tag tag : api.getTags())
        resourceDocs.put(tag.getName(), Docs.of(tag.getDescription()));
    }
    Naming.Scope channelNames = new Naming.Scope();
    for (var pathEntry : api.getPaths().entrySet()) {
      String path = pathEntry.getKey();
      PathItem item = pathEntry.getValue();
      String itemPointer = JsonPointers.child("#/paths", path);
      if (item.getServers() != null && !item.getServers().isEmpty()) warnServers(itemPointer);
      for (var opEntry : item.readOperationsMap().entrySet()) {
        var op = opEntry.getValue();
        OperationIdentity identity = OperationIdentity.of(
            path, opEntry.getKey().name().toLowerCase(Locale.ROOT), op, declarations);
        String tag = op.getTags() == null || op.getTags().isEmpty()
            ? "default"
            : op.getTags().get(0);
        Naming.Scope methodNames = methodScopes.computeIfAbsent(tag, t -> new Naming.Scope());
        List<Operation> resource = byResource.computeIfAbsent(tag, t -> new ArrayList<>());
        if (op.getServers() != null && !op.getServers().isEmpty()) warnServers(identity.pointer());
        Optional<Extensions.WebSocket> ws = Extensions.webSocket(op);
        if (ws.isPresent()) {
          channelList.add(channels.channel(
              identity,
              channelNames.claim(identity.stem()),
              methodNames.claim(identity.methodName(tag)),
              tag,
              item,
              op,
              ws.get()));
        } else {
          resource.add(operations.operation(
              identity, methodNames.claim(identity.methodName(tag)), item, op));
        }
      }
    }
    Naming.Scope resourceNames = new Naming.Scope();
    for (var entry : byResource.entrySet()) {
      resources.add(new Resource(
          resourceNames.claim(declarations.typeName(entry.getKey())),
          Naming.memberName(entry.getKey()),
          resourceDocs.getOrDefault(entry.getKey(), Docs.NONE),
          List.copyOf(entry.getValue())));
    }
  }
}
