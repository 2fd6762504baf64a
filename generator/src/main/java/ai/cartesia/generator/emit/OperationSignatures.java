package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.TypeDecl.RequestDecl;
import ai.cartesia.generator.model.TypeDecl.RequestField;
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
import javax.lang.model.element.Modifier;

/**
 * The signatures every method of an operation shares: what a caller passes, what comes back, and
 * the overloads with and without {@code RequestOptions}, with their Javadoc.
 */
final class OperationSignatures {

  /** The arguments a call method may take besides the spec's parameters. */
  static final String REQUEST = "request";

  static final String BODY = "body";
  static final String OPTIONS = "options";
  static final Set<String> LOCALS = Set.of(REQUEST, BODY, OPTIONS);

  private final ClientSupport support;

  OperationSignatures(ClientSupport support) {
    this.support = support;
  }

  /** What a caller passes: path parameters, the request object or the other parameters, the JSON body. */
  List<ParameterSpec> arguments(Operation operation) {
    List<ParameterSpec> arguments = new ArrayList<>();
    for (Parameter parameter : operation.callerParameters()) {
      boolean inRequest =
          operation.requestObject().isPresent() && parameter.location() != Parameter.Location.PATH;
      if (!inRequest)
        arguments.add(
            ParameterSpec.builder(support.types.of(parameter.type()), parameter.javaName())
                .build());
    }
    operation
        .requestObject()
        .ifPresent(name -> arguments.add(
            ParameterSpec.builder(support.packages.modelType(name), REQUEST).build()));
    operation.body().ifPresent(body -> {
      if (body instanceof Body.Json json)
        arguments.add(ParameterSpec.builder(support.types.of(json.type()), BODY).build());
      else if (body instanceof Body.Raw)
        arguments.add(ParameterSpec.builder(RuntimeTypes.REQUEST_BODY, BODY).build());
    });
    return arguments;
  }

  /** What a blocking call returns. */
  TypeName resultType(Operation operation) {
    return operation.response().accept(new Response.Visitor<>() {
      @Override
      public TypeName visitEmpty(Response.Empty empty) {
        return TypeName.VOID;
      }

      @Override
      public TypeName visitJson(Response.Json json) {
        return support.types.of(json.type());
      }

      @Override
      public TypeName visitBinary(Response.Binary binary) {
        return RuntimeTypes.BINARY_RESPONSE;
      }

      @Override
      public TypeName visitText(Response.Text text) {
        return ClassName.get(String.class);
      }

      @Override
      public TypeName visitEventStream(Response.EventStream stream) {
        return ParameterizedTypeName.get(
            RuntimeTypes.EVENT_STREAM, support.types.boxed(stream.eventType()));
      }
    });
  }

  /**
   * The method with {@code RequestOptions} last, which does the work, and the method without,
   * which passes none. When every field of the request object is optional, one more method needs
   * no request object at all.
   */
  List<MethodSpec> withAndWithoutOptions(
      Operation operation,
      String name,
      TypeName returns,
      List<ParameterSpec> arguments,
      CodeBlock body) {
    List<MethodSpec> methods = new ArrayList<>();
    String call = arguments.stream()
        .map(p -> p.name())
        .reduce((a, b) -> a + ", " + b)
        .map(a -> a + ", ")
        .orElse("");
    String returnPrefix = returns.equals(TypeName.VOID) ? "" : "return ";

    List<ParameterSpec> all = new ArrayList<>(arguments);
    all.add(ParameterSpec.builder(RuntimeTypes.REQUEST_OPTIONS, OPTIONS).build());
    CodeBlock full = Javadocs.link(name, all.stream().map(p -> p.type()).toList());

    MethodSpec.Builder plain = signature(
        operation,
        name,
        returns,
        arguments,
        Optional.of(CodeBlock.of("Same as $L, with default request options.", full)));
    plain.addStatement(
        returnPrefix + "$N($L$T.$N())",
        name,
        call,
        RuntimeTypes.REQUEST_OPTIONS,
        RuntimeMethods.NO_OPTIONS);
    methods.add(plain.build());

    Optional<RequestDecl> request = support.requestObject(operation);
    if (request.isPresent() && request.get().fields().stream().noneMatch(RequestField::required)) {
      List<ParameterSpec> withoutRequest =
          arguments.stream().filter(p -> !p.name().equals(REQUEST)).toList();
      String passed = arguments.stream()
          .map(p -> p.name().equals(REQUEST) ? "$T.builder().build()" : p.name())
          .reduce((a, b) -> a + ", " + b)
          .map(a -> a + ", ")
          .orElse("");
      MethodSpec.Builder bare = signature(
          operation,
          name,
          returns,
          withoutRequest,
          Optional.of(CodeBlock.of(
              "Same as $L, with an empty request and default request options.", full)));
      bare.addStatement(
          returnPrefix + "$N(" + passed + "$T.$N())",
          name,
          support.packages.modelType(request.get().name()),
          RuntimeTypes.REQUEST_OPTIONS,
          RuntimeMethods.NO_OPTIONS);
      methods.add(bare.build());
    }

    methods.add(
        signature(operation, name, returns, all, Optional.empty()).addCode(body).build());
    return methods;
  }

  /**
   * A method of the operation with its Javadoc: the full description, or for an overload
   * ({@code sameAs}) a line that links to the method that has it.
   */
  private MethodSpec.Builder signature(
      Operation operation,
      String name,
      TypeName returns,
      List<ParameterSpec> parameters,
      Optional<CodeBlock> sameAs) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns);
    Javadocs.Comment doc = new Javadocs.Comment();
    if (sameAs.isPresent()) {
      doc.paragraph("$L", sameAs.get());
    } else {
      doc.docs(operation.docs())
          .paragraph("$L", Javadocs.code(operation.httpMethod() + " /" + operation.path()));
      if (name.endsWith("Async"))
        doc.paragraph("Runs without blocking; cancelling the future cancels the request.");
      if (operation.pagination().isPresent() && name.equals(operation.methodName())) {
        doc.paragraph(
            "Iterating fetches page after page as needed; {@code $N} fetches one page.",
            JavaNames.callMethod(operation));
      }
    }
    if (operation.docs().deprecated()) method.addAnnotation(Deprecated.class);
    for (ParameterSpec parameter : parameters) {
      method.addParameter(parameter);
      doc.tag("@param $N $L", parameter.name(), parameterDoc(operation, parameter.name()));
    }
    if (returns.equals(RuntimeTypes.BINARY_RESPONSE)) {
      doc.tag("@return the body as it arrives; close it, or copy it with {@code writeTo}");
    }
    return method.addJavadoc(doc.build());
  }

  private static String parameterDoc(Operation operation, String name) {
    if (name.equals(OPTIONS)) return "settings for this call only, such as a timeout";
    if (name.equals(REQUEST)) return "the parameters of the call";
    if (name.equals(BODY)) {
      String doc =
          operation.body().map(b -> Javadocs.paragraphs(b.docs().text())).orElse("");
      return doc.isEmpty() ? "the request body" : doc;
    }
    for (Parameter parameter : operation.parameters()) {
      if (parameter.javaName().equals(name)) {
        String doc = Javadocs.paragraphs(parameter.docs().text());
        return doc.isEmpty() ? "the " + Javadocs.code(parameter.wireName()) + " parameter" : doc;
      }
    }
    return name;
  }
}
