package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Resource;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * {@code withRawResponse()} of a resource client: the same operations, blocking, each returning
 * the status and headers of the response with its body.
 */
final class RawResponses {

  private final ClientSupport support;
  private final OperationSignatures signatures;
  private final CallMethods calls;

  RawResponses(ClientSupport support, OperationSignatures signatures, CallMethods calls) {
    this.support = support;
    this.signatures = signatures;
    this.calls = calls;
  }

  /** Adds the field, the accessor and the nested class to the resource client. */
  void addTo(TypeSpec.Builder type, Resource resource) {
    ClassName client = support.names.resourceClient(resource);
    ClassName raw = support.names.rawResponses(resource);
    type.addField(
        FieldSpec.builder(raw, JavaNames.RAW_RESPONSES_FIELD, Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T()", raw)
            .build());
    type.addMethod(MethodSpec.methodBuilder(JavaNames.RAW_RESPONSES_METHOD)
        .addModifiers(Modifier.PUBLIC)
        .returns(raw)
        .addJavadoc("The same operations, returning the HTTP status and headers with the body.\n")
        .addStatement("return $N", JavaNames.RAW_RESPONSES_FIELD)
        .build());
    TypeSpec.Builder nested = TypeSpec.classBuilder(raw)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(
            "The operations of {@link $T}, each returning a {@link $T}.\n",
            client,
            RuntimeTypes.RAW_RESPONSE)
        .addMethod(
            MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Operation operation : resource.operations()) {
      TypeName returns = ParameterizedTypeName.get(
          RuntimeTypes.RAW_RESPONSE, ClientSupport.boxedResult(signatures.resultType(operation)));
      nested.addMethods(signatures.withAndWithoutOptions(
          operation,
          JavaNames.callMethod(operation),
          returns,
          signatures.arguments(operation),
          calls.callBody(operation, CallMethods.Style.RAW)));
    }
    type.addType(nested.build());
  }
}
