package ai.cartesia.generator.read;

import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Pagination;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.Security;
import ai.cartesia.generator.model.TypeRef;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Translates one HTTP operation: its parameters, body, response, request object and pagination. */
final class OperationTranslator {

  private final OpenAPI api;
  private final Components components;
  private final Declarations declarations;
  private final Diagnostics diagnostics;
  private final ParameterTranslator parameters;
  private final PayloadTranslator payloads;
  private final SecurityTranslator security;

  OperationTranslator(
      OpenAPI api,
      Components components,
      Declarations declarations,
      Diagnostics diagnostics,
      ParameterTranslator parameters,
      PayloadTranslator payloads,
      SecurityTranslator security) {
    this.api = api;
    this.components = components;
    this.declarations = declarations;
    this.diagnostics = diagnostics;
    this.parameters = parameters;
    this.payloads = payloads;
    this.security = security;
  }

  Operation operation(
      OperationIdentity identity,
      String methodName,
      PathItem item,
      io.swagger.v3.oas.models.Operation op) {
    String stem = identity.stem();
    String pointer = identity.pointer();
    List<Parameter> parameterList = parameters.parameters(item, op, identity);
    Optional<Body> body = payloads.requestBody(op.getRequestBody(), stem, pointer + "/requestBody");
    Response response = payloads.response(op, stem, pointer + "/responses");
    List<Security.Requirement> requirements = security.requirements(op, pointer);
    // A JSON body is an argument of its own, so the other parameters are the call's "params"; with
    // a form, they are its request.
    String suffix =
        body.isPresent() && !(body.get() instanceof Body.Multipart) ? "Params" : "Request";
    Optional<String> requestObject =
        parameters.requestObject(stem + suffix, pointer, identity.docs(), parameterList, body);
    Optional<Pagination> pagination =
        pagination(op, pointer, response, parameterList, requestObject);
    return new Operation(
        identity.operationId(),
        pointer,
        methodName,
        identity.httpMethod(),
        identity.path(),
        identity.docs(),
        parameterList,
        body,
        response,
        requirements,
        requestObject,
        pagination);
  }

  /** Reads {@code x-pagination}, checking that the page and the request have what it names. */
  private Optional<Pagination> pagination(
      io.swagger.v3.oas.models.Operation op,
      String pointer,
      Response response,
      List<Parameter> parameters,
      Optional<String> requestObject) {
    Optional<Pagination> declared = Extensions.pagination(op, pointer, diagnostics);
    if (declared.isEmpty()) return declared;
    Pagination pagination = declared.get();
    String where = pointer + "/" + Extensions.PAGINATION;
    if (!(response instanceof Response.Json json) || !(json.type() instanceof TypeRef.Named page)) {
      diagnostics.warn(
          where, "pagination needs a JSON object response; the operation returns single pages");
      return Optional.empty();
    }
    if (requestObject.isEmpty()
        || parameters.stream()
            .noneMatch(p -> p.wireName().equals(pagination.cursorParameter()) && !p.required())) {
      diagnostics.warn(
          where,
          "the cursor parameter '" + pagination.cursorParameter()
              + "' is not an optional parameter of the operation; it returns single pages");
      return Optional.empty();
    }
    Schema<?> pageSchema =
        declarations.componentOf(page.name()).map(components.schemas()::get).orElse(null);
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    if (pageSchema != null)
      components.collectProperties(
          pageSchema, where, properties, new LinkedHashSet<>(), new LinkedHashSet<>());
    for (String property : List.of(pagination.items(), pagination.hasMore())) {
      if (!properties.containsKey(property)) {
        diagnostics.warn(
            where,
            "the page has no property '" + property + "'; the operation returns single pages");
        return Optional.empty();
      }
    }
    Parameter cursor = parameters.stream()
        .filter(p -> p.wireName().equals(pagination.cursorParameter()))
        .findFirst()
        .orElseThrow();
    Optional<String> problem =
        new PaginationShape(components).problem(pagination, properties, cursor);
    if (problem.isPresent()) {
      diagnostics.warn(where, problem.get() + "; the operation returns single pages");
      return Optional.empty();
    }
    return Optional.of(pagination);
  }
}
