package ai.cartesia.generator.read;

import static ai.cartesia.generator.read.SchemaShapes.isJson;

import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.TypeRef;
import ai.cartesia.generator.model.TypeRef.Primitive.Kind;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Translates what an operation carries: its request body (JSON or a form) and its successful response. */
final class PayloadTranslator {

  private static final String URL_ENCODED = "application/x-www-form-urlencoded";

  private final SchemaTranslator schemas;
  private final Components components;
  private final Declarations declarations;
  private final Diagnostics diagnostics;

  private final StreamingKeys streaming;

  PayloadTranslator(
      SchemaTranslator schemas,
      Components components,
      Declarations declarations,
      Diagnostics diagnostics) {
    this.schemas = schemas;
    this.components = components;
    this.declarations = declarations;
    this.diagnostics = diagnostics;
    this.streaming = new StreamingKeys(diagnostics);
  }

  Optional<Body> requestBody(RequestBody body, String stem, String pointer) {
    if (body == null) return Optional.empty();
    if (body.get$ref() != null) {
      RequestBody named = components.requestBody(body.get$ref());
      if (named == null) {
        diagnostics.error(
            pointer, "the reference '" + body.get$ref() + "' does not name a request body");
        return Optional.empty();
      }
      body = named;
    }
    boolean required = Boolean.TRUE.equals(body.getRequired());
    Docs docs = Docs.of(body.getDescription());
    Content content = body.getContent();
    if (content == null || content.isEmpty()) return Optional.empty();
    MediaType multipart = content.get("multipart/form-data");
    if (multipart != null && multipart.getSchema() != null) {
      return Optional.of(new Body.Multipart(
          parts(multipart.getSchema(), stem, pointer + "/content/multipart~1form-data/schema"),
          required,
          docs));
    }
    for (var entry : content.entrySet()) {
      if (isJson(entry.getKey())) {
        String where = JsonPointers.child(pointer + "/content", entry.getKey()) + "/schema";
        Schema<?> schema = entry.getValue().getSchema();
        TypeRef type = schema == null
            ? TypeRef.primitive(Kind.ANY)
            : schemas.typeOf(schema, stem + "Request", where);
        return Optional.of(new Body.Json(type, required, docs));
      }
    }
    MediaType urlEncoded = content.get(URL_ENCODED);
    if (urlEncoded != null && urlEncoded.getSchema() != null) {
      String where = JsonPointers.child(pointer + "/content", URL_ENCODED) + "/schema";
      List<Body.Part> fields = parts(urlEncoded.getSchema(), stem, where).stream()
          .map(p ->
              new Body.Part(p.wireName(), p.javaName(), p.type(), p.required(), false, p.docs()))
          .toList();
      return Optional.of(new Body.Multipart(fields, required, docs, true));
    }
    // Any other media type (bytes, text, XML, a form without a schema): the caller gives the
    // encoded body and its type.
    return Optional.of(new Body.Raw(content.keySet().iterator().next(), required, docs));
  }

  private List<Body.Part> parts(Schema<?> schema, String stem, String pointer) {
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    components.collectProperties(schema, pointer, properties, required, new LinkedHashSet<>());
    Naming.Scope names = new Naming.Scope().reserve("options");
    List<Body.Part> parts = new ArrayList<>();
    for (var entry : properties.entrySet()) {
      String where = JsonPointers.child(pointer + "/properties", entry.getKey());
      Schema<?> resolved = components.resolve(entry.getValue());
      boolean file = "binary".equals(resolved.getFormat())
          || "array".equals(SchemaShapes.type(resolved))
              && resolved.getItems() != null
              && "binary".equals(components.resolve(resolved.getItems()).getFormat());
      parts.add(new Body.Part(
          entry.getKey(),
          names.claim(Naming.memberName(entry.getKey())),
          schemas.typeOf(entry.getValue(), stem + declarations.typeName(entry.getKey()), where),
          required.contains(entry.getKey()),
          file,
          components.docs(entry.getValue())));
    }
    return parts;
  }

  /** The first 2xx response: no body, JSON, a stream of events, or bytes. */
  Response response(Operation op, String stem, String pointer) {
    if (op.getResponses() == null) return new Response.Empty();
    for (var entry : op.getResponses().entrySet()) {
      String code = entry.getKey();
      if (!code.startsWith("2")) continue;
      ApiResponse response = entry.getValue();
      if (response.get$ref() != null) {
        response = components.response(response.get$ref());
        if (response == null) {
          diagnostics.error(
              JsonPointers.child(pointer, code),
              "the reference '" + entry.getValue().get$ref() + "' does not name a response");
          return new Response.Empty();
        }
      }
      Content content = response.getContent();
      if (content == null || content.isEmpty()) return new Response.Empty();
      for (var media : content.entrySet()) {
        String type = media.getKey().toLowerCase(Locale.ROOT);
        String where =
            JsonPointers.child(JsonPointers.child(pointer, code) + "/content", media.getKey())
                + "/schema";
        Schema<?> schema = media.getValue().getSchema();
        if (type.startsWith("text/event-stream")) {
          Response.Framing framing = Extensions.sseOrNdjson(op)
              ? Response.Framing.JSON_LINES_OR_SSE
              : Response.Framing.SSE;
          return new Response.EventStream(
              eventType(schema, stem, where),
              framing,
              Extensions.streamEndsWhen(op),
              streaming.operationError(op.getExtensions(), pointer));
        }
        if (type.contains("ndjson") || type.contains("jsonl") || type.contains("json-seq")) {
          return new Response.EventStream(
              eventType(schema, stem, where),
              Response.Framing.JSON_LINES_OR_SSE,
              Extensions.streamEndsWhen(op),
              streaming.operationError(op.getExtensions(), pointer));
        }
        if (isJson(type) && schema == null) return new Response.Json(TypeRef.primitive(Kind.ANY));
        if (isJson(type) && !"binary".equals(schema.getFormat())) {
          return new Response.Json(schemas.typeOf(schema, stem + "Response", where));
        }
      }
      String first = content.keySet().iterator().next();
      if (first.toLowerCase(Locale.ROOT).startsWith("text/")) return new Response.Text(first);
      return new Response.Binary(first);
    }
    return new Response.Empty();
  }

  private TypeRef eventType(Schema<?> schema, String stem, String pointer) {
    if (schema == null) return TypeRef.primitive(Kind.ANY);
    return schemas.typeOf(schema, stem + "Event", pointer);
  }
}
