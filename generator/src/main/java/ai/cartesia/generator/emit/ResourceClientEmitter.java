package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.Resource;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * Emits the typed client of a resource: blocking and asynchronous methods per operation, and a
 * connect method per WebSocket channel. Retrofit stays behind it.
 */
final class ResourceClientEmitter {

  private final Packages packages;
  private final JavaTypes types;
  private final ServiceEmitter services;

  ResourceClientEmitter(Packages packages, JavaTypes types, ServiceEmitter services) {
    this.packages = packages;
    this.types = types;
    this.services = services;
  }

  static ClassName clientName(Packages packages, Resource resource) {
    return packages.resourceType(resource.javaName() + "Client");
  }

  TypeSpec emit(Resource resource, List<Channel> channels) {
    ClassName self = clientName(packages, resource);
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Javadocs.of(resource.docs()));
    type.addField(Runtime.CLIENT_CONTEXT, "context", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Used by the top-level client, which shares one context among its resources.\n")
        .addParameter(Runtime.CLIENT_CONTEXT, "context")
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
    for (Operation operation : resource.operations()) {
      type.addMethod(blocking(operation));
      type.addMethod(async(operation));
    }
    for (Channel channel : channels) type.addMethod(connect(channel));
    return type.build();
  }

  private MethodSpec blocking(Operation operation) {
    MethodSpec.Builder method = signature(operation, operation.methodName(), returnType(operation), "");
    CodeBlock call = CodeBlock.of("context.calls().execute($L)", serviceCall(operation));
    if (streams(operation)) method.addStatement("return $L.byteStream()", call);
    else if (operation.response() instanceof Response.Empty) method.addStatement("$L", call);
    else method.addStatement("return $L", call);
    return method.build();
  }

  private MethodSpec async(Operation operation) {
    TypeName result = returnType(operation);
    TypeName boxed = result.equals(TypeName.VOID) ? ClassName.get(Void.class) : result.box();
    MethodSpec.Builder method = signature(operation, operation.methodName() + "Async",
        ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), boxed),
        "Runs without blocking; cancelling the future cancels the request.");
    CodeBlock call = CodeBlock.of("context.calls().executeAsync($L)", serviceCall(operation));
    if (streams(operation)) method.addStatement("return $L.thenApply($T::byteStream)", call, Runtime.RESPONSE_BODY);
    else method.addStatement("return $L", call);
    return method.build();
  }

  private MethodSpec.Builder signature(Operation operation, String name, TypeName returns, String note) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns);
    method.addJavadoc(Javadocs.of(operation.docs()));
    method.addJavadoc("\n<p>{@code $L $L}\n", operation.httpMethod(), Javadocs.escape("/" + operation.path()));
    if (!note.isEmpty()) method.addJavadoc("\n<p>$L\n", note);
    method.addJavadoc("\n");
    if (operation.docs().deprecated()) method.addAnnotation(Deprecated.class);
    for (Parameter parameter : operation.callerParameters()) {
      TypeName type = parameter.required() ? types.of(parameter.type()) : types.boxed(parameter.type());
      method.addParameter(type, parameter.javaName());
      String doc = Javadocs.paragraphs(parameter.docs().text());
      method.addJavadoc("@param $N $L\n", parameter.javaName(),
          (doc.isEmpty() ? "the {@code " + Javadocs.escape(parameter.wireName()) + "} parameter" : doc)
              + (parameter.required() ? "" : " (optional: null leaves it out)"));
    }
    operation.body().ifPresent(body -> {
      TypeName type = body instanceof Body.Json json ? types.of(json.type()) : ServiceEmitter.MULTIPART_BODY;
      method.addParameter(type, "body");
      method.addJavadoc("@param body the request body\n");
    });
    if (streams(operation)) {
      method.addJavadoc("@return the response body as it arrives; close it when done\n");
    }
    return method;
  }

  private CodeBlock serviceCall(Operation operation) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (Parameter parameter : operation.parameters()) {
      arguments.add(parameter.constant().isPresent()
          ? constant(parameter)
          : CodeBlock.of("$N", parameter.javaName()));
    }
    operation.body().ifPresent(body -> arguments.add(CodeBlock.of("body")));
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

  private TypeName returnType(Operation operation) {
    Response response = operation.response();
    if (response instanceof Response.Json json) return types.of(json.type());
    if (response instanceof Response.Empty) return TypeName.VOID;
    return ClassName.get(InputStream.class);
  }

  private static boolean streams(Operation operation) {
    return operation.response() instanceof Response.Binary || operation.response() instanceof Response.EventStream;
  }

  // ---------------------------------------------------------------- channels

  private TypeName channelType(Channel channel) {
    return ParameterizedTypeName.get(Runtime.WEB_SOCKET_CHANNEL, sendType(channel), types.boxed(channel.receive()));
  }

  private TypeName sendType(Channel channel) {
    return channel.send().map(types::boxed).orElse(ClassName.get(Void.class));
  }

  private static String channelField(Channel channel) {
    return Character.toLowerCase(channel.javaName().charAt(0)) + channel.javaName().substring(1) + "Channel";
  }

  private CodeBlock channelDescriptor(Channel channel) {
    CodeBlock.Builder block = CodeBlock.builder()
        .add("$T.<$T, $T>builder($S, $T.json(context.json(), $T.class))", Runtime.WEB_SOCKET_CHANNEL,
            sendType(channel), types.boxed(channel.receive()), channel.path(), Runtime.FRAME_DECODER,
            types.boxed(channel.receive()));
    for (Parameter parameter : channel.parameters()) {
      parameter.constant().ifPresent(value -> block.add("\n    .constantQuery($S, $S)", parameter.wireName(), value));
    }
    channel.apiKeyQueryParameter().ifPresent(name -> block.add("\n    .apiKeyQueryParameter($S)", name));
    return block.add("\n    .build()").build();
  }

  private MethodSpec connect(Channel channel) {
    String name = channel.methodName();
    TypeName session = ParameterizedTypeName.get(Runtime.WEB_SOCKET_SESSION, sendType(channel), types.boxed(channel.receive()));
    MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(session)
        .addJavadoc(Javadocs.of(channel.docs()))
        .addJavadoc("\n<p>Connects and waits for the handshake.\n");
    method.addStatement("$T<$T, $T> query = new $T<>()", Map.class, String.class, String.class, LinkedHashMap.class);
    for (Parameter parameter : channel.parameters()) {
      if (parameter.constant().isPresent()) continue;
      method.addParameter(types.boxed(parameter.type()), parameter.javaName());
      method.addJavadoc("@param $N $L\n", parameter.javaName(), parameter.docs().text().isEmpty()
          ? "the {@code " + Javadocs.escape(parameter.wireName()) + "} query parameter"
          : Javadocs.paragraphs(parameter.docs().text()));
      method.addStatement("if ($N != null) query.put($S, $T.valueOf($N))", parameter.javaName(), parameter.wireName(),
          String.class, parameter.javaName());
    }
    method.addStatement("return $T.connect(context, $N, query, $T.ofSeconds(30))", Runtime.WEB_SOCKET_SESSION,
        channelField(channel), Duration.class);
    return method.build();
  }
}
