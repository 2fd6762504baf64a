package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.Resource;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.Security;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits the Retrofit interface of a resource: one method per operation, mirroring the HTTP
 * request exactly (every parameter, constants included, which the typed client fills in).
 */
final class ServiceEmitter {

  private static final Set<String> RETROFIT_VERBS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  static final ClassName MULTIPART_BODY = ClassName.get("okhttp3", "MultipartBody");
  static final ClassName FORM_BODY = ClassName.get("okhttp3", "FormBody");

  private final JavaNames names;
  private final JavaTypes types;
  private final List<Security.Requirement> defaultSecurity;

  ServiceEmitter(JavaNames names, JavaTypes types, List<Security.Requirement> defaultSecurity) {
    this.names = names;
    this.types = types;
    this.defaultSecurity = defaultSecurity;
  }

  TypeSpec emit(Resource resource) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.service(resource))
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Retrofit's view of the $L operations. Use {@link $L} instead: it fills in constants, retries and maps errors.\n",
            Javadocs.code(resource.accessor()),
            names.resourceClient(resource).simpleName());
    for (Operation operation : resource.operations()) type.addMethod(method(operation));
    return type.build();
  }

  /** What the Retrofit call yields: the JSON type, or the raw body of streams and binaries. */
  TypeName callResult(Operation operation) {
    return operation.response().accept(new Response.Visitor<>() {
      @Override
      public TypeName visitEmpty(Response.Empty empty) {
        return ClassName.get(Void.class);
      }

      @Override
      public TypeName visitJson(Response.Json json) {
        return types.boxed(json.type());
      }

      @Override
      public TypeName visitBinary(Response.Binary binary) {
        return RuntimeTypes.RESPONSE_BODY;
      }

      @Override
      public TypeName visitText(Response.Text text) {
        return RuntimeTypes.RESPONSE_BODY;
      }

      @Override
      public TypeName visitEventStream(Response.EventStream stream) {
        return RuntimeTypes.RESPONSE_BODY;
      }
    });
  }

  /** Operations that send what the API requires by default carry no annotation. */
  private Optional<AnnotationSpec> security(Operation operation) {
    if (operation.security().equals(defaultSecurity)) return Optional.empty();
    if (operation.security().isEmpty())
      return Optional.of(AnnotationSpec.builder(RuntimeTypes.NO_AUTH).build());
    AnnotationSpec.Builder auth = AnnotationSpec.builder(RuntimeTypes.AUTH);
    for (Security.Requirement requirement : operation.security())
      auth.addMember("value", "$S", String.join("+", requirement.schemes()));
    return Optional.of(auth.build());
  }

  private MethodSpec method(Operation operation) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(operation.methodName())
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(ParameterizedTypeName.get(RuntimeTypes.CALL, callResult(operation)))
        .addAnnotation(verb(operation));
    if (callResult(operation).equals(RuntimeTypes.RESPONSE_BODY)) {
      // Audio and event streams are read as they arrive, never buffered whole.
      method.addAnnotation(ClassName.get(RuntimeTypes.RETROFIT_HTTP, "Streaming"));
    }
    security(operation).ifPresent(method::addAnnotation);
    for (Parameter parameter : operation.parameters()) {
      String annotation = switch (parameter.location()) {
        case PATH -> "Path";
        case QUERY -> "Query";
        case HEADER -> "Header";
      };
      method.addParameter(ParameterSpec.builder(types.boxed(parameter.type()), parameter.javaName())
          .addAnnotation(
              AnnotationSpec.builder(ClassName.get(RuntimeTypes.RETROFIT_HTTP, annotation))
                  .addMember("value", "$S", parameter.wireName())
                  .build())
          .build());
    }
    operation.body().ifPresent(body -> {
      TypeName type = body.accept(new Body.Visitor<>() {
        @Override
        public TypeName visitJson(Body.Json json) {
          return types.boxed(json.type());
        }

        @Override
        public TypeName visitMultipart(Body.Multipart multipart) {
          return multipart.urlEncoded() ? FORM_BODY : MULTIPART_BODY;
        }

        @Override
        public TypeName visitRaw(Body.Raw raw) {
          return RuntimeTypes.REQUEST_BODY;
        }
      });
      method.addParameter(ParameterSpec.builder(type, "body")
          .addAnnotation(ClassName.get(RuntimeTypes.RETROFIT_HTTP, "Body"))
          .build());
    });
    // The call's own options travel as a tag of the request, for the interceptor and the executor.
    method.addParameter(ParameterSpec.builder(RuntimeTypes.REQUEST_OPTIONS, "options")
        .addAnnotation(ClassName.get(RuntimeTypes.RETROFIT_HTTP, "Tag"))
        .build());
    return method.build();
  }

  private static AnnotationSpec verb(Operation operation) {
    // A path of "" is the base URL itself; "." keeps any path the base URL has.
    String path = operation.path().isEmpty() ? "." : operation.path();
    if (RETROFIT_VERBS.contains(operation.httpMethod())
        && !(operation.httpMethod().equals("DELETE") && operation.body().isPresent())) {
      return AnnotationSpec.builder(
              ClassName.get(RuntimeTypes.RETROFIT_HTTP, operation.httpMethod()))
          .addMember("value", "$S", path)
          .build();
    }
    return AnnotationSpec.builder(ClassName.get(RuntimeTypes.RETROFIT_HTTP, "HTTP"))
        .addMember("method", "$S", operation.httpMethod())
        .addMember("path", "$S", path)
        .addMember("hasBody", "$L", operation.body().isPresent())
        .build();
  }
}
