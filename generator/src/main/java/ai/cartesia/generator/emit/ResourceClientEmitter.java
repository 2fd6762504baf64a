package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Pagination;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.Resource;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import ai.cartesia.generator.model.TypeDecl.RequestDecl;
import ai.cartesia.generator.model.TypeDecl.RequestField;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * Emits the typed client of a resource: per operation, a blocking and an asynchronous method,
 * each also taking {@code RequestOptions}; a pager for paginated lists; a connect method per
 * WebSocket channel. Retrofit stays behind it.
 */
final class ResourceClientEmitter {

  /**
   * The names the bodies of generated call methods use for fields, locals and lambda
   * parameters, so that no parameter of the spec shadows one.
   */
  static final Set<String> CALL_LOCALS = Set.of("options", "request", "body", "answered", "responseBody", "context", "service",
      "form", "query", "settings", "params", "cursor", "page", "c", "item");

  private static final ClassName MULTIPART_BUILDER = ServiceEmitter.MULTIPART_BODY.nestedClass("Builder");

  private final ApiModel model;
  private final Packages packages;
  private final JavaTypes types;
  private final DecodersEmitter decoders;

  ResourceClientEmitter(ApiModel model, Packages packages, JavaTypes types, DecodersEmitter decoders) {
    this.model = model;
    this.packages = packages;
    this.types = types;
    this.decoders = decoders;
  }

  /** The SDK's decoder of a streamed type: the generated one for named types. */
  private CodeBlock decoderOf(TypeRef type) {
    if (type instanceof TypeRef.Named named) {
      return CodeBlock.of("$T.$N(context.json())", decoders.className(), DecodersEmitter.methodName(named.name()));
    }
    return CodeBlock.of("$T.json(context.json(), $L)", RuntimeTypes.FRAME_DECODER, classLiteral(types.boxed(type)));
  }

  static ClassName clientName(Packages packages, Resource resource) {
    return packages.resourceType(resource.javaName() + "Client");
  }

  TypeSpec emit(Resource resource, List<Channel> channels) {
    ClassName self = clientName(packages, resource);
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Javadocs.of(resource.docs()));
    type.addField(RuntimeTypes.CLIENT_CONTEXT, "context", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Used by the top-level client, which shares one context among its resources.\n")
        .addParameter(RuntimeTypes.CLIENT_CONTEXT, "context")
        .addStatement("this.context = context");
    if (!resource.operations().isEmpty()) {
      ClassName service = ServiceEmitter.serviceName(packages, resource);
      type.addField(service, "service", Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.service = context.service($T.class)", service);
    }
    for (Channel channel : channels) {
      type.addField(FieldSpec.builder(channelType(channel), channelField(channel), Modifier.PRIVATE, Modifier.FINAL).build());
      constructor.addStatement("this.$N = $L", channelField(channel), channelDescriptor(channel));
    }
    type.addMethod(constructor.build());
    for (Operation operation : resource.operations()) type.addMethods(methods(operation));
    for (Channel channel : channels) type.addMethods(connect(channel));
    if (!resource.operations().isEmpty()) addRawResponses(type, self, resource);
    return type.build();
  }

  /**
   * {@code withRawResponse()}: the same operations, blocking, each returning the status and
   * headers of the response with its body.
   */
  private void addRawResponses(TypeSpec.Builder type, ClassName client, Resource resource) {
    ClassName raw = client.nestedClass("WithRawResponse");
    type.addField(FieldSpec.builder(raw, "rawResponses", Modifier.PRIVATE, Modifier.FINAL).initializer("new $T()", raw).build());
    type.addMethod(MethodSpec.methodBuilder("withRawResponse").addModifiers(Modifier.PUBLIC).returns(raw)
        .addJavadoc("The same operations, returning the HTTP status and headers with the body.\n")
        .addStatement("return rawResponses").build());
    TypeSpec.Builder nested = TypeSpec.classBuilder(raw).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The operations of {@link $T}, each returning a {@link $T}.\n", client, RuntimeTypes.RAW_RESPONSE)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Operation operation : resource.operations()) {
      String name = operation.pagination().isPresent() ? operation.methodName() + "Page" : operation.methodName();
      TypeName result = resultType(operation);
      TypeName returns = ParameterizedTypeName.get(RuntimeTypes.RAW_RESPONSE, result.equals(TypeName.VOID) ? ClassName.get(Void.class) : result.box());
      nested.addMethods(withAndWithoutOptions(operation, name, returns, arguments(operation), callBody(operation, Style.RAW)));
    }
    type.addType(nested.build());
  }

  // ---------------------------------------------------------------- operations

  /** What a caller passes: path parameters, the request object or the other parameters, the JSON body. */
  private List<ParameterSpec> arguments(Operation operation) {
    List<ParameterSpec> arguments = new ArrayList<>();
    for (Parameter parameter : operation.callerParameters()) {
      boolean inRequest = operation.requestObject().isPresent() && parameter.location() != Parameter.Location.PATH;
      if (!inRequest) arguments.add(ParameterSpec.builder(types.of(parameter.type()), parameter.javaName()).build());
    }
    operation.requestObject().ifPresent(name -> arguments.add(ParameterSpec.builder(packages.modelType(name), "request").build()));
    operation.body().filter(Body.Json.class::isInstance).map(Body.Json.class::cast)
        .ifPresent(json -> arguments.add(ParameterSpec.builder(types.of(json.type()), "body").build()));
    return arguments;
  }

  private List<MethodSpec> methods(Operation operation) {
    List<MethodSpec> methods = new ArrayList<>();
    List<ParameterSpec> arguments = arguments(operation);
    String single = operation.pagination().isPresent() ? operation.methodName() + "Page" : operation.methodName();
    TypeName result = resultType(operation);

    methods.addAll(withAndWithoutOptions(operation, single, result, arguments, callBody(operation, Style.BLOCKING)));
    TypeName future = ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result.equals(TypeName.VOID) ? ClassName.get(Void.class) : result.box());
    methods.addAll(withAndWithoutOptions(operation, single + "Async", future, arguments, callBody(operation, Style.ASYNC)));
    operation.pagination().ifPresent(pagination -> {
      List<MethodSpec> pager = new ArrayList<>(withAndWithoutOptions(operation, operation.methodName(),
          pagerType(operation, pagination), arguments, pagerBody(operation, pagination, single)));
      if (usesDeprecatedField(operation, pagination)) {
        // The deprecated field is only a fallback cursor; callers are not told to stop using anything.
        MethodSpec full = pager.remove(pager.size() - 1);
        pager.add(full.toBuilder().addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "deprecation").build()).build());
      }
      methods.addAll(pager);
    });
    formMethod(operation).ifPresent(methods::add);
    return methods;
  }

  /**
   * The method with {@code RequestOptions} last, which does the work, and the method without,
   * which passes none. When every field of the request object is optional, one more method needs
   * no request object at all.
   */
  private List<MethodSpec> withAndWithoutOptions(
      Operation operation, String name, TypeName returns, List<ParameterSpec> arguments, CodeBlock body) {
    List<MethodSpec> methods = new ArrayList<>();
    String call = arguments.stream().map(p -> p.name()).reduce((a, b) -> a + ", " + b).map(a -> a + ", ").orElse("");
    String returnPrefix = returns.equals(TypeName.VOID) ? "" : "return ";

    MethodSpec.Builder plain = signature(operation, name, returns, arguments);
    plain.addStatement(returnPrefix + "$N($LRequestOptions.none())", name, call);
    methods.add(plain.build());

    Optional<RequestDecl> request = operation.requestObject().map(n -> (RequestDecl) model.type(n).orElseThrow());
    if (request.isPresent() && request.get().fields().stream().noneMatch(RequestField::required)) {
      List<ParameterSpec> withoutRequest = arguments.stream().filter(p -> !p.name().equals("request")).toList();
      String passed = arguments.stream()
          .map(p -> p.name().equals("request") ? "$T.builder().build()" : p.name())
          .reduce((a, b) -> a + ", " + b).map(a -> a + ", ").orElse("");
      MethodSpec.Builder bare = signature(operation, name, returns, withoutRequest);
      bare.addStatement(returnPrefix + "$N(" + passed + "$T.none())", name, packages.modelType(request.get().name()), RuntimeTypes.REQUEST_OPTIONS);
      methods.add(bare.build());
    }

    List<ParameterSpec> all = new ArrayList<>(arguments);
    all.add(ParameterSpec.builder(RuntimeTypes.REQUEST_OPTIONS, "options").build());
    MethodSpec.Builder full = signature(operation, name, returns, all);
    full.addCode(body);
    methods.add(full.build());
    return methods;
  }

  private MethodSpec.Builder signature(Operation operation, String name, TypeName returns, List<ParameterSpec> parameters) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns);
    method.addJavadoc(Javadocs.of(operation.docs()));
    method.addJavadoc("\n<p>{@code $L $L}\n", operation.httpMethod(), Javadocs.escape("/" + operation.path()));
    if (name.endsWith("Async")) method.addJavadoc("\n<p>Runs without blocking; cancelling the future cancels the request.\n");
    if (operation.pagination().isPresent() && name.equals(operation.methodName())) {
      method.addJavadoc("\n<p>Iterating fetches page after page as needed; {@code $NPage} fetches one page.\n", operation.methodName());
    }
    boolean returnsBinary = returns.equals(RuntimeTypes.BINARY_RESPONSE);
    if (!parameters.isEmpty() || returnsBinary) method.addJavadoc("\n");
    if (operation.docs().deprecated()) method.addAnnotation(Deprecated.class);
    for (ParameterSpec parameter : parameters) {
      method.addParameter(parameter);
      method.addJavadoc("@param $N $L\n", parameter.name(), parameterDoc(operation, parameter.name()));
    }
    if (returnsBinary) {
      method.addJavadoc("@return the body as it arrives; close it, or copy it with {@code writeTo}\n");
    }
    return method;
  }

  private String parameterDoc(Operation operation, String name) {
    if (name.equals("options")) return "settings for this call only, such as a timeout";
    if (name.equals("request")) return "the parameters of the call";
    if (name.equals("body")) {
      String doc = operation.body().map(b -> Javadocs.paragraphs(docsOf(b).text())).orElse("");
      return doc.isEmpty() ? "the request body" : doc;
    }
    for (Parameter parameter : operation.parameters()) {
      if (parameter.javaName().equals(name)) {
        String doc = Javadocs.paragraphs(parameter.docs().text());
        return doc.isEmpty() ? "the {@code " + Javadocs.escape(parameter.wireName()) + "} parameter" : doc;
      }
    }
    return name;
  }

  private static ai.cartesia.generator.model.Docs docsOf(Body body) {
    return body instanceof Body.Json json ? json.docs() : ((Body.Multipart) body).docs();
  }

  private TypeName resultType(Operation operation) {
    Response response = operation.response();
    if (response instanceof Response.Json json) return types.of(json.type());
    if (response instanceof Response.Empty) return TypeName.VOID;
    if (response instanceof Response.EventStream stream) {
      return ParameterizedTypeName.get(RuntimeTypes.EVENT_STREAM, types.boxed(stream.eventType()));
    }
    return RuntimeTypes.BINARY_RESPONSE;
  }

  /** How a method runs its call: blocking, asynchronously, or blocking with the raw response. */
  private enum Style {
    BLOCKING,
    ASYNC,
    RAW
  }

  private CodeBlock callBody(Operation operation, Style style) {
    Response response = operation.response();
    CodeBlock call = serviceCall(operation);
    if (response instanceof Response.EventStream stream) return eventStreamBody(stream, call, style);
    String method = switch (style) {
      case BLOCKING -> "execute";
      case ASYNC -> "executeAsync";
      case RAW -> "executeRaw";
    };
    CodeBlock executed = CodeBlock.of("context.calls().$N($L)", method, call);
    if (response instanceof Response.Binary) {
      CodeBlock wrapped = switch (style) {
        case BLOCKING -> binary(executed);
        case ASYNC -> CodeBlock.of("$L.thenApply(responseBody -> $L)", executed, binary(CodeBlock.of("responseBody")));
        case RAW -> CodeBlock.of("$L.map(responseBody -> $L)", executed, binary(CodeBlock.of("responseBody")));
      };
      return CodeBlock.builder().addStatement("return $L", wrapped).build();
    }
    boolean nothingToReturn = style == Style.BLOCKING && response instanceof Response.Empty;
    return CodeBlock.builder().addStatement(nothingToReturn ? "$L" : "return $L", executed).build();
  }

  private static CodeBlock binary(CodeBlock body) {
    return CodeBlock.of("new $T($L)", RuntimeTypes.BINARY_RESPONSE, body);
  }

  /**
   * Event streams keep the call that answered (after retries, a clone of the first), to cancel it
   * when closed early.
   */
  private CodeBlock eventStreamBody(Response.EventStream stream, CodeBlock call, Style style) {
    CodeBlock answered = CodeBlock.of("answered.call()");
    return switch (style) {
      case BLOCKING -> CodeBlock.builder()
          .addStatement("$T<$T> answered = context.calls().executeAnswered($L)", RuntimeTypes.ANSWERED, RuntimeTypes.RESPONSE_BODY, call)
          .addStatement("return $L", events(stream, CodeBlock.of("answered.body()"), answered))
          .build();
      case ASYNC -> CodeBlock.builder()
          .add("return context.calls().executeAsync($L,\n", call).indent().indent()
          .add("answered -> $L);\n", events(stream, CodeBlock.of("answered.body()"), answered)).unindent().unindent()
          .build();
      case RAW -> CodeBlock.builder()
          .addStatement("$T<$T> answered = context.calls().executeAnswered($L)", RuntimeTypes.ANSWERED, RuntimeTypes.RESPONSE_BODY, call)
          .addStatement("return answered.raw().map(responseBody -> $L)", events(stream, CodeBlock.of("responseBody"), answered))
          .build();
    };
  }

  /** Typed events read from {@code body}, cancelling {@code call} when closed early. */
  private CodeBlock events(Response.EventStream stream, CodeBlock body, CodeBlock call) {
    CodeBlock.Builder builder = CodeBlock.builder()
        .add("$T.builder($L, $L)", RuntimeTypes.EVENT_STREAM, body, decoderOf(stream.eventType()))
        .add("\n    $L", stream.framing() == Response.Framing.SSE ? ".sse()" : ".jsonLinesOrSse()")
        .add("\n    .call($L)", call);
    if (stream.endsWhen().isPresent() && stream.eventType() instanceof TypeRef.Named named) {
      builder.add("\n    .endsAfter($T::$N)", decoders.className(), DecodersEmitter.endsMethodName(named.name()));
    }
    return builder.add("\n    .redacting(context.options().apiKey())\n    .build()").build();
  }

  private static CodeBlock classLiteral(TypeName type) {
    TypeName raw = type instanceof ParameterizedTypeName p ? p.rawType() : type;
    return CodeBlock.of("$T.class", raw);
  }

  /** The private method that builds the multipart body from the request object, one part per field set. */
  private Optional<MethodSpec> formMethod(Operation operation) {
    if (operation.body().isEmpty() || !(operation.body().get() instanceof Body.Multipart)) return Optional.empty();
    RequestDecl request = (RequestDecl) model.type(operation.requestObject().orElseThrow()).orElseThrow();
    MethodSpec.Builder method = MethodSpec.methodBuilder(formMethodName(operation))
        .addModifiers(Modifier.PRIVATE)
        .returns(ServiceEmitter.MULTIPART_BODY)
        .addParameter(packages.modelType(request.name()), "request")
        .addStatement("$T form = new $T().setType($T.FORM)", MULTIPART_BUILDER, MULTIPART_BUILDER, ServiceEmitter.MULTIPART_BODY);
    for (RequestField field : request.fields()) {
      if (field.source() != RequestField.Source.FORM && field.source() != RequestField.Source.FILE) continue;
      boolean list = field.type() instanceof TypeRef.ListOf;
      CodeBlock value = CodeBlock.of("value");
      CodeBlock each = list ? CodeBlock.of("values.forEach(value -> $L)", part(field, value)) : part(field, value);
      if (field.required() && list) {
        method.addStatement("request.$N().forEach(value -> $L)", field.javaName(), part(field, value));
      } else if (field.required()) {
        method.addStatement("$L", part(field, CodeBlock.of("request.$N()", field.javaName())));
      } else {
        method.addStatement("request.$N().ifPresent($L -> $L)", field.javaName(), list ? "values" : "value", each);
      }
    }
    return Optional.of(method.addStatement("return form.build()").build());
  }

  /** Adds one form part holding {@code value}: a file, or the text of a value. */
  private CodeBlock part(RequestField field, CodeBlock value) {
    if (field.source() == RequestField.Source.FILE) {
      return CodeBlock.of("form.addFormDataPart($S, $L.filename(), $L.body())", field.wireName(), value, value);
    }
    if (isString(field.type())) return CodeBlock.of("form.addFormDataPart($S, $L)", field.wireName(), value);
    return CodeBlock.of("form.addFormDataPart($S, $T.of(context.json(), $L))", field.wireName(), RuntimeTypes.JSON_TEXT, value);
  }

  private static String formMethodName(Operation operation) {
    return operation.methodName() + "Form";
  }

  private boolean isString(TypeRef type) {
    TypeRef element = type instanceof TypeRef.ListOf list ? list.element() : type;
    return types.of(element).equals(ClassName.get(String.class));
  }

  private CodeBlock serviceCall(Operation operation) {
    List<CodeBlock> arguments = new ArrayList<>();
    Optional<RequestDecl> request = operation.requestObject().map(n -> (RequestDecl) model.type(n).orElseThrow());
    for (Parameter parameter : operation.parameters()) {
      if (parameter.constant().isPresent()) {
        arguments.add(constant(parameter));
      } else if (request.isPresent() && parameter.location() != Parameter.Location.PATH) {
        RequestField field = request.get().fields().stream()
            .filter(f -> f.wireName().equals(parameter.wireName()) && f.source().name().equals(parameter.location().name()))
            .findFirst().orElseThrow();
        arguments.add(field.required() ? CodeBlock.of("request.$N()", field.javaName()) : CodeBlock.of("request.$N().orElse(null)", field.javaName()));
      } else {
        arguments.add(CodeBlock.of("$N", parameter.javaName()));
      }
    }
    operation.body().ifPresent(body -> arguments.add(body instanceof Body.Json
        ? CodeBlock.of("body") : CodeBlock.of("$N(request)", formMethodName(operation))));
    arguments.add(CodeBlock.of("options"));
    return CodeBlock.of("service.$N($L)", operation.methodName(), CodeBlock.join(arguments, ", "));
  }

  private CodeBlock constant(Parameter parameter) {
    String value = parameter.constant().orElseThrow();
    if (parameter.type() instanceof TypeRef.Named named) {
      return CodeBlock.of("$T.of($S)", packages.modelType(named.name()), value);
    }
    TypeName type = types.boxed(parameter.type());
    if (type.equals(ClassName.get(String.class))) return CodeBlock.of("$S", value);
    return CodeBlock.of("$T.valueOf($S)", type, value);
  }

  // ---------------------------------------------------------------- pagination

  private ObjectDecl object(TypeRef ref) {
    return (ObjectDecl) model.type(((TypeRef.Named) ref).name()).orElseThrow();
  }

  private static Field field(ObjectDecl object, String wireName) {
    return object.fields().stream().filter(f -> f.wireName().equals(wireName)).findFirst()
        .orElseThrow(() -> new IllegalStateException(object.name() + " has no property " + wireName));
  }

  private TypeRef itemType(Operation operation, Pagination pagination) {
    ObjectDecl page = object(((Response.Json) operation.response()).type());
    return ((TypeRef.ListOf) field(page, pagination.items()).type()).element();
  }

  private TypeName pagerType(Operation operation, Pagination pagination) {
    TypeName page = types.of(((Response.Json) operation.response()).type());
    return ParameterizedTypeName.get(RuntimeTypes.CURSOR_PAGER, page, types.boxed(itemType(operation, pagination)));
  }

  private CodeBlock pagerBody(Operation operation, Pagination pagination, String pageMethod) {
    ObjectDecl page = object(((Response.Json) operation.response()).type());
    RequestDecl request = (RequestDecl) model.type(operation.requestObject().orElseThrow()).orElseThrow();
    RequestField cursor = request.fields().stream().filter(f -> f.wireName().equals(pagination.cursorParameter())).findFirst().orElseThrow();
    String others = arguments(operation).stream().map(p -> p.name().equals("request") ? "page" : p.name())
        .reduce((a, b) -> a + ", " + b).orElse("");
    CodeBlock items = accessor(page, pagination.items(), "page", CodeBlock.of("$T.of()", List.class));
    CodeBlock hasMore = accessor(page, pagination.hasMore(), "page", CodeBlock.of("false"));
    CodeBlock lastItem = pagination.cursorFromLastItem()
        .filter(wire -> itemType(operation, pagination) instanceof TypeRef.Named named && model.type(named.name()).orElse(null) instanceof ObjectDecl)
        .map(wire -> CodeBlock.of("item -> $L", accessor(object(itemType(operation, pagination)), wire, "item", CodeBlock.of("null"))))
        .orElse(CodeBlock.of("null"));
    CodeBlock nextPage = pagination.nextCursor()
        .map(wire -> {
          Field next = field(page, wire);
          return next.required() && !next.nullable()
              ? CodeBlock.of("page -> $T.ofNullable(page.$N())", Optional.class, next.javaName())
              : CodeBlock.of("page -> page.$N()", next.javaName());
        })
        .orElse(CodeBlock.of("null"));
    return CodeBlock.builder()
        .add("return new $T<>($T.byCursor(\n", RuntimeTypes.CURSOR_PAGER, RuntimeTypes.CURSOR_PAGER).indent().indent()
        .add("cursor -> {\n").indent()
        .addStatement("$T page = cursor.map(c -> request.toBuilder().$N(c).build()).orElse(request)",
            packages.modelType(request.name()), cursor.javaName())
        .addStatement("return $N($L, options)", pageMethod, others)
        .unindent().add("},\n")
        .add("page -> $L,\n", items)
        .add("page -> $L,\n", hasMore)
        .add("$L,\n", lastItem)
        .add("$L));\n", nextPage)
        .unindent().unindent()
        .build();
  }

  private boolean usesDeprecatedField(Operation operation, Pagination pagination) {
    ObjectDecl page = object(((Response.Json) operation.response()).type());
    List<String> used = new ArrayList<>(List.of(pagination.items(), pagination.hasMore()));
    pagination.nextCursor().ifPresent(used::add);
    boolean pageField = used.stream().anyMatch(wire -> field(page, wire).docs().deprecated());
    boolean itemField = pagination.cursorFromLastItem()
        .filter(wire -> itemType(operation, pagination) instanceof TypeRef.Named named && model.type(named.name()).orElse(null) instanceof ObjectDecl)
        .map(wire -> field(object(itemType(operation, pagination)), wire).docs().deprecated())
        .orElse(false);
    return pageField || itemField;
  }

  /** Reads a property whatever its accessor returns: the value, or an {@code Optional} of it. */
  private static CodeBlock accessor(ObjectDecl object, String wireName, String variable, CodeBlock fallback) {
    Field field = field(object, wireName);
    boolean direct = field.required() && !field.nullable() && field.constant().isEmpty();
    return direct ? CodeBlock.of("$N.$N()", variable, field.javaName())
        : CodeBlock.of("$N.$N().orElse($L)", variable, field.javaName(), fallback);
  }

  // ---------------------------------------------------------------- channels

  /** The type of the variant of a tagged union that a tag names. */
  private Optional<String> variantTagged(TypeRef union, String tag) {
    if (!(union instanceof TypeRef.Named named) || !(model.type(named.name()).orElse(null) instanceof ai.cartesia.generator.model.TypeDecl.DiscriminatedUnion tagged)) {
      return Optional.empty();
    }
    return tagged.variants().stream().filter(v -> v.tag().equals(tag)).findFirst().map(ai.cartesia.generator.model.TypeDecl.Variant::type);
  }

  private TypeName channelType(Channel channel) {
    return ParameterizedTypeName.get(RuntimeTypes.WEB_SOCKET_CHANNEL, sendType(channel), types.boxed(channel.receive()));
  }

  private TypeName sendType(Channel channel) {
    return channel.send().map(types::boxed).orElse(ClassName.get(Void.class));
  }

  private static String channelField(Channel channel) {
    return Character.toLowerCase(channel.javaName().charAt(0)) + channel.javaName().substring(1) + "Channel";
  }

  private CodeBlock channelDescriptor(Channel channel) {
    CodeBlock.Builder block = CodeBlock.builder()
        .add("$T.<$T, $T>builder($S, $L)", RuntimeTypes.WEB_SOCKET_CHANNEL,
            sendType(channel), types.boxed(channel.receive()), channel.path(), decoderOf(channel.receive()));
    for (Parameter parameter : channel.parameters()) {
      parameter.constant().ifPresent(value -> block.add("\n    .constantQuery($S, $S)", parameter.wireName(), value));
    }
    channel.apiKeyQueryParameter().ifPresent(name -> block.add("\n    .apiKeyQueryParameter($S)", name));
    channel.lastMessageTag().flatMap(tag -> variantTagged(channel.receive(), tag)).ifPresent(last ->
        block.add("\n    .lastMessage(message -> message instanceof $T)", packages.modelType(last)));
    return block.add("\n    .build()").build();
  }

  /**
   * The connect methods of a channel: with the handshake parameters (a request object when some
   * are optional), and with {@code StreamSettings} too. A multiplexed channel gives a session of
   * contexts; a plain one a single stream.
   */
  private List<MethodSpec> connect(Channel channel) {
    TypeName receive = types.boxed(channel.receive());
    TypeName session = ParameterizedTypeName.get(
        channel.contexts().isPresent() ? RuntimeTypes.MULTIPLEXED_SESSION : RuntimeTypes.WEB_SOCKET_SESSION, sendType(channel), receive);
    List<ParameterSpec> arguments = new ArrayList<>();
    Optional<RequestDecl> parameters = channel.parametersObject().map(n -> (RequestDecl) model.type(n).orElseThrow());
    if (parameters.isPresent()) {
      arguments.add(ParameterSpec.builder(packages.modelType(parameters.get().name()), "params").build());
    } else {
      for (Parameter parameter : channel.parameters()) {
        if (parameter.constant().isEmpty()) arguments.add(ParameterSpec.builder(types.of(parameter.type()), parameter.javaName()).build());
      }
    }
    String names = arguments.stream().map(ParameterSpec::name).reduce((a, b) -> a + ", " + b).map(a -> a + ", ").orElse("");

    MethodSpec.Builder plain = connectSignature(channel, session, arguments)
        .addStatement("return $N($L$T.defaults())", channel.methodName(), names, RuntimeTypes.STREAM_SETTINGS);
    List<ParameterSpec> withSettings = new ArrayList<>(arguments);
    withSettings.add(ParameterSpec.builder(RuntimeTypes.STREAM_SETTINGS, "settings").build());
    MethodSpec.Builder full = connectSignature(channel, session, withSettings);
    full.addStatement("$T<$T, $T> query = new $T<>()", Map.class, String.class, String.class, LinkedHashMap.class);
    for (Parameter parameter : channel.parameters()) {
      if (parameter.constant().isPresent()) continue;
      if (parameters.isPresent()) {
        RequestField field = parameters.get().fields().stream().filter(f -> f.wireName().equals(parameter.wireName())).findFirst().orElseThrow();
        if (field.required()) {
          full.addStatement("query.put($S, $T.of(context.json(), params.$N()))", parameter.wireName(), RuntimeTypes.JSON_TEXT, field.javaName());
        } else {
          full.addStatement("params.$N().ifPresent(value -> query.put($S, $T.of(context.json(), value)))", field.javaName(),
              parameter.wireName(), RuntimeTypes.JSON_TEXT);
        }
      } else {
        full.addStatement("query.put($S, $T.of(context.json(), $N))", parameter.wireName(), RuntimeTypes.JSON_TEXT, parameter.javaName());
      }
    }
    if (channel.contexts().isPresent()) {
      full.addStatement("return $T.connect(context, $N, new $T(), query, settings)", RuntimeTypes.MULTIPLEXED_SESSION,
          channelField(channel), ProtocolEmitter.protocolName(packages, channel));
    } else {
      full.addStatement("return $T.connect(context, $N, query, settings)", RuntimeTypes.WEB_SOCKET_SESSION, channelField(channel));
    }
    List<MethodSpec> methods = new ArrayList<>(List.of(plain.build(), full.build()));
    if (channel.contexts().isEmpty() && channel.sendsBinary()) {
      CodeBlock commands = channel.textCommands().stream().map(c -> CodeBlock.of("$S", c)).collect(CodeBlock.joining(", "));
      methods.add(MethodSpec.methodBuilder("sendAudio").addModifiers(Modifier.PUBLIC)
          .addJavadoc("Sends raw audio in chunks of {@code chunkBytes}, at most one per {@code pace} ($T.ZERO for as fast as the connection takes them), then the text commands $L. Blocks until all is queued.\n\n",
              java.time.Duration.class, channel.textCommands().stream().map(c -> "{@code " + Javadocs.escape(c) + "}").reduce((a, b) -> a + ", " + b).orElse("(none)"))
          .addJavadoc("@param session a session of {@link #$N}\n@param audio raw samples in the session's encoding; not closed here\n", channel.methodName())
          .addJavadoc("@param chunkBytes the size of each binary frame\n@param pace the least time between two frames, to send in real time\n@return how many bytes of audio were sent\n")
          .returns(TypeName.LONG)
          .addParameter(session, "session")
          .addParameter(java.io.InputStream.class, "audio")
          .addParameter(TypeName.INT, "chunkBytes")
          .addParameter(java.time.Duration.class, "pace")
          .addStatement("return $T.send(session, audio, chunkBytes, pace, $T.of($L))", RuntimeTypes.AUDIO_UPLOAD, List.class, commands)
          .build());
    }
    if (channel.contexts().isPresent() && channel.speech().isPresent()) {
      ClassName protocol = ProtocolEmitter.protocolName(packages, channel);
      methods.add(MethodSpec.methodBuilder("collectSpeech").addModifiers(Modifier.PUBLIC)
          .addJavadoc("Reads messages to their end, joining their audio and their word timings: for a context of {@link #$N}, or an event stream of the same messages.\n\n", channel.methodName())
          .addJavadoc("@throws $T if a message reports that the generation failed (the context's error, or an error message of an event stream)\n",
              RuntimeTypes.STREAM_ERROR_EXCEPTION)
          .returns(RuntimeTypes.COLLECTED_SPEECH)
          .addParameter(ParameterizedTypeName.get(ClassName.get(java.util.Iterator.class), com.palantir.javapoet.WildcardTypeName.subtypeOf(receive)), "messages")
          .addStatement("$T protocol = new $T()", protocol, protocol)
          .addStatement("return $T.collect(messages, $T::audioOf, $T::wordsOf,\n    message -> protocol.errorOf(message).map(context::redact))",
              RuntimeTypes.COLLECTED_SPEECH, protocol, protocol)
          .build());
    }
    return methods;
  }

  private MethodSpec.Builder connectSignature(Channel channel, TypeName session, List<ParameterSpec> parameters) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(channel.methodName()).addModifiers(Modifier.PUBLIC).returns(session)
        .addJavadoc(Javadocs.of(channel.docs()))
        .addJavadoc(channel.contexts().isPresent()
            ? "\n<p>Connects and waits for the handshake. Open a context per generation with {@code context()}; close the session when done.\n\n"
            : "\n<p>Connects and waits for the handshake. Close the session when done.\n\n");
    for (ParameterSpec parameter : parameters) {
      method.addParameter(parameter);
      String doc = switch (parameter.name()) {
        case "params" -> "the query parameters of the handshake";
        case "settings" -> "buffering and timeouts of the session";
        default -> channel.parameters().stream().filter(p -> p.javaName().equals(parameter.name())).findFirst()
            .map(p -> p.docs().text().isEmpty() ? "the {@code " + Javadocs.escape(p.wireName()) + "} query parameter" : Javadocs.paragraphs(p.docs().text()))
            .orElse(parameter.name());
      };
      method.addJavadoc("@param $N $L\n", parameter.name(), doc);
    }
    return method;
  }
}
