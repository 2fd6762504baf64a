package ai.cartesia.generator.emit;

import static ai.cartesia.generator.emit.ClientSupport.CONTEXT;
import static ai.cartesia.generator.emit.OperationSignatures.BODY;
import static ai.cartesia.generator.emit.OperationSignatures.OPTIONS;
import static ai.cartesia.generator.emit.OperationSignatures.REQUEST;

import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.TypeDecl.RequestDecl;
import ai.cartesia.generator.model.TypeDecl.RequestField;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The call methods of an operation: blocking and asynchronous, each with and without {@code
 * RequestOptions}; and the bodies that run the Retrofit call, for them and for raw responses.
 */
final class CallMethods implements ClientMethods<Operation> {

  /** Locals and lambda parameters of the call bodies. */
  static final String ANSWERED = "answered";

  static final String RESPONSE_BODY = "responseBody";
  static final Set<String> LOCALS = Set.of(ANSWERED, RESPONSE_BODY);

  /** How a method runs its call: blocking, asynchronously, or blocking with the raw response. */
  enum Style {
    BLOCKING,
    ASYNC,
    RAW
  }

  private final ClientSupport support;
  private final OperationSignatures signatures;

  CallMethods(ClientSupport support, OperationSignatures signatures) {
    this.support = support;
    this.signatures = signatures;
  }

  @Override
  public List<MethodSpec> methods(Operation operation) {
    List<MethodSpec> methods = new ArrayList<>();
    List<ParameterSpec> arguments = signatures.arguments(operation);
    String single = JavaNames.callMethod(operation);
    TypeName result = signatures.resultType(operation);
    methods.addAll(signatures.withAndWithoutOptions(
        operation, single, result, arguments, callBody(operation, Style.BLOCKING)));
    TypeName future = ParameterizedTypeName.get(
        ClassName.get(CompletableFuture.class), ClientSupport.boxedResult(result));
    methods.addAll(signatures.withAndWithoutOptions(
        operation,
        JavaNames.asyncMethod(single),
        future,
        arguments,
        callBody(operation, Style.ASYNC)));
    return methods;
  }

  CodeBlock callBody(Operation operation, Style style) {
    CodeBlock call = serviceCall(operation);
    return operation.response().accept(new Response.Visitor<>() {
      @Override
      public CodeBlock visitEmpty(Response.Empty empty) {
        return CodeBlock.builder()
            .addStatement(style == Style.BLOCKING ? "$L" : "return $L", executed(style, call))
            .build();
      }

      @Override
      public CodeBlock visitJson(Response.Json json) {
        return CodeBlock.builder()
            .addStatement("return $L", executed(style, call))
            .build();
      }

      @Override
      public CodeBlock visitBinary(Response.Binary binary) {
        return wrappedBody(style, call, CallMethods::binary);
      }

      @Override
      public CodeBlock visitText(Response.Text text) {
        return wrappedBody(style, call, CallMethods::text);
      }

      @Override
      public CodeBlock visitEventStream(Response.EventStream stream) {
        return eventStreamBody(stream, call, style);
      }
    });
  }

  private static CodeBlock executed(Style style, CodeBlock call) {
    String method = switch (style) {
      case BLOCKING -> RuntimeMethods.EXECUTE;
      case ASYNC -> RuntimeMethods.EXECUTE_ASYNC;
      case RAW -> RuntimeMethods.EXECUTE_RAW;
    };
    return CodeBlock.of("$N.$N().$N($L)", CONTEXT, RuntimeMethods.CALLS, method, call);
  }

  /** Returns the raw body of the call, made into what the caller gets by {@code wrap}. */
  private static CodeBlock wrappedBody(Style style, CodeBlock call, UnaryOperator<CodeBlock> wrap) {
    CodeBlock executed = executed(style, call);
    CodeBlock wrapped = switch (style) {
      case BLOCKING -> wrap.apply(executed);
      case ASYNC ->
        CodeBlock.of(
            "$L.thenApply($N -> $L)",
            executed,
            RESPONSE_BODY,
            wrap.apply(CodeBlock.of("$N", RESPONSE_BODY)));
      case RAW ->
        CodeBlock.of(
            "$L.$N($N -> $L)",
            executed,
            RuntimeMethods.MAP,
            RESPONSE_BODY,
            wrap.apply(CodeBlock.of("$N", RESPONSE_BODY)));
    };
    return CodeBlock.builder().addStatement("return $L", wrapped).build();
  }

  private static CodeBlock text(CodeBlock body) {
    return CodeBlock.of(
        "$T.$N($L)", RuntimeTypes.RESPONSE_TEXT, RuntimeMethods.RESPONSE_TEXT_OF, body);
  }

  private static CodeBlock binary(CodeBlock body) {
    return CodeBlock.of("new $T($L)", RuntimeTypes.BINARY_RESPONSE, body);
  }

  /**
   * Event streams keep the call that answered (after retries, a clone of the first), to cancel it
   * when closed early.
   */
  private CodeBlock eventStreamBody(Response.EventStream stream, CodeBlock call, Style style) {
    CodeBlock answered = CodeBlock.of("$N.$N()", ANSWERED, RuntimeMethods.ANSWERED_CALL);
    CodeBlock body = CodeBlock.of("$N.$N()", ANSWERED, RuntimeMethods.ANSWERED_BODY);
    CodeBlock executeAnswered = CodeBlock.of(
        "$T<$T> $N = $N.$N().$N($L)",
        RuntimeTypes.ANSWERED,
        RuntimeTypes.RESPONSE_BODY,
        ANSWERED,
        CONTEXT,
        RuntimeMethods.CALLS,
        RuntimeMethods.EXECUTE_ANSWERED,
        call);
    return switch (style) {
      case BLOCKING ->
        CodeBlock.builder()
            .addStatement("$L", executeAnswered)
            .addStatement("return $L", events(stream, body, answered))
            .build();
      case ASYNC ->
        CodeBlock.builder()
            .add(
                "return $N.$N().$N($L,\n",
                CONTEXT,
                RuntimeMethods.CALLS,
                RuntimeMethods.EXECUTE_ASYNC,
                call)
            .indent()
            .indent()
            .add("$N -> $L);\n", ANSWERED, events(stream, body, answered))
            .unindent()
            .unindent()
            .build();
      case RAW ->
        CodeBlock.builder()
            .addStatement("$L", executeAnswered)
            .addStatement(
                "return $N.$N().$N($N -> $L)",
                ANSWERED,
                RuntimeMethods.ANSWERED_RAW,
                RuntimeMethods.MAP,
                RESPONSE_BODY,
                events(stream, CodeBlock.of("$N", RESPONSE_BODY), answered))
            .build();
    };
  }

  /** Typed events read from {@code body}, cancelling {@code call} when closed early. */
  private CodeBlock events(Response.EventStream stream, CodeBlock body, CodeBlock call) {
    String framing = switch (stream.framing()) {
      case SSE -> RuntimeMethods.SSE;
      case JSON_LINES_OR_SSE -> RuntimeMethods.JSON_LINES_OR_SSE;
    };
    CodeBlock.Builder builder = CodeBlock.builder()
        .add(
            "$T.$N($L, $L)",
            RuntimeTypes.RESPONSE_EVENT_STREAM,
            RuntimeMethods.BUILDER,
            body,
            support.decoderOf(stream.eventType()))
        .add("\n    .$N()", framing)
        .add("\n    .$N($L)", RuntimeMethods.CANCELS, call);
    if (stream.endsWhen().isPresent() && stream.eventType() instanceof TypeRef.Named named) {
      builder.add(
          "\n    .$N($T::$N)",
          RuntimeMethods.ENDS_AFTER,
          support.names.streamDecoders(),
          JavaNames.endsMethod(named.name()));
    }
    if (stream.error().isPresent() && stream.eventType() instanceof TypeRef.Named) {
      builder.add(
          "\n    .$N($L)",
          RuntimeMethods.FAILS_ON,
          StreamErrorsEmitter.reference(support.packages, stream.eventType()));
    }
    return builder
        .add(
            "\n    .$N($N::$N)\n    .$N()",
            RuntimeMethods.REDACTING,
            CONTEXT,
            RuntimeMethods.REDACT,
            RuntimeMethods.BUILD)
        .build();
  }

  /** The Retrofit call: every parameter in the order of the service, constants filled in. */
  private CodeBlock serviceCall(Operation operation) {
    List<CodeBlock> arguments = new ArrayList<>();
    Optional<RequestDecl> request = support.requestObject(operation);
    for (Parameter parameter : operation.parameters()) {
      if (parameter.constant().isPresent()) {
        arguments.add(constant(parameter));
      } else if (request.isPresent() && parameter.location() != Parameter.Location.PATH) {
        RequestField field = request.get().fields().stream()
            .filter(f -> f.wireName().equals(parameter.wireName())
                && f.source().name().equals(parameter.location().name()))
            .findFirst()
            .orElseThrow();
        arguments.add(
            field.required()
                ? CodeBlock.of("$N.$N()", REQUEST, field.javaName())
                : CodeBlock.of("$N.$N().orElse(null)", REQUEST, field.javaName()));
      } else {
        arguments.add(CodeBlock.of("$N", parameter.javaName()));
      }
    }
    operation
        .body()
        .ifPresent(body -> arguments.add(body.accept(new Body.Visitor<>() {
          @Override
          public CodeBlock visitJson(Body.Json json) {
            return CodeBlock.of("$N", BODY);
          }

          @Override
          public CodeBlock visitMultipart(Body.Multipart multipart) {
            return CodeBlock.of("$N($N)", JavaNames.formMethod(operation), REQUEST);
          }

          @Override
          public CodeBlock visitRaw(Body.Raw raw) {
            return CodeBlock.of("$N", BODY);
          }
        })));
    arguments.add(CodeBlock.of("$N", OPTIONS));
    return CodeBlock.of(
        "$N.$N($L)",
        ClientSupport.SERVICE,
        operation.methodName(),
        CodeBlock.join(arguments, ", "));
  }

  private CodeBlock constant(Parameter parameter) {
    String value = parameter.constant().orElseThrow();
    if (parameter.type() instanceof TypeRef.Named named) {
      return CodeBlock.of("$T.of($S)", support.packages.modelType(named.name()), value);
    }
    TypeName type = support.types.boxed(parameter.type());
    if (type.equals(ClassName.get(String.class))) return CodeBlock.of("$S", value);
    return CodeBlock.of("$T.valueOf($S)", type, value);
  }
}
