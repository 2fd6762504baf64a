package ai.cartesia.generator.emit;

import static ai.cartesia.generator.emit.ClientSupport.CONTEXT;
import static ai.cartesia.generator.emit.OperationSignatures.REQUEST;

import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.TypeDecl.RequestDecl;
import ai.cartesia.generator.model.TypeDecl.RequestField;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** The private method of an operation with a multipart body that builds the form from its request object. */
final class FormMethods implements ClientMethods<Operation> {

  /** The local that builds the form, and the lambda parameters that take each value. */
  static final String FORM = "form";

  static final String VALUE = "value";
  static final String VALUES = "values";
  static final Set<String> LOCALS = Set.of(FORM);

  private static final ClassName MULTIPART_BUILDER =
      ServiceEmitter.MULTIPART_BODY.nestedClass(JavaNames.BUILDER);
  private static final ClassName URL_ENCODED_BUILDER =
      ServiceEmitter.FORM_BODY.nestedClass(JavaNames.BUILDER);

  private final ClientSupport support;

  FormMethods(ClientSupport support) {
    this.support = support;
  }

  /** One part per field set. */
  @Override
  public List<MethodSpec> methods(Operation operation) {
    if (operation.body().isEmpty() || !(operation.body().get() instanceof Body.Multipart form))
      return List.of();
    RequestDecl request = support.requestObject(operation).orElseThrow();
    boolean urlEncoded = form.urlEncoded();
    MethodSpec.Builder method = MethodSpec.methodBuilder(JavaNames.formMethod(operation))
        .addModifiers(Modifier.PRIVATE)
        .returns(urlEncoded ? ServiceEmitter.FORM_BODY : ServiceEmitter.MULTIPART_BODY)
        .addParameter(support.packages.modelType(request.name()), REQUEST);
    if (urlEncoded) {
      method.addStatement("$T $N = new $T()", URL_ENCODED_BUILDER, FORM, URL_ENCODED_BUILDER);
    } else {
      method.addStatement(
          "$T $N = new $T().$N($T.FORM)",
          MULTIPART_BUILDER,
          FORM,
          MULTIPART_BUILDER,
          RuntimeMethods.SET_TYPE,
          ServiceEmitter.MULTIPART_BODY);
    }
    String add = urlEncoded ? RuntimeMethods.ADD_FORM_FIELD : RuntimeMethods.ADD_FORM_DATA_PART;
    for (RequestField field : request.fields()) {
      if (field.source() != RequestField.Source.FORM && field.source() != RequestField.Source.FILE)
        continue;
      boolean list = field.type() instanceof TypeRef.ListOf;
      CodeBlock value = CodeBlock.of("$N", VALUE);
      CodeBlock each = list
          ? CodeBlock.of("$N.forEach($N -> $L)", VALUES, VALUE, part(field, value, add))
          : part(field, value, add);
      if (field.required() && list) {
        method.addStatement(
            "$N.$N().forEach($N -> $L)", REQUEST, field.javaName(), VALUE, part(field, value, add));
      } else if (field.required()) {
        method.addStatement(
            "$L", part(field, CodeBlock.of("$N.$N()", REQUEST, field.javaName()), add));
      } else {
        method.addStatement(
            "$N.$N().ifPresent($N -> $L)", REQUEST, field.javaName(), list ? VALUES : VALUE, each);
      }
    }
    return List.of(
        method.addStatement("return $N.$N()", FORM, RuntimeMethods.BUILD).build());
  }

  /** Adds one form part holding {@code value}: a file, or the text of a value. */
  private CodeBlock part(RequestField field, CodeBlock value, String add) {
    if (field.source() == RequestField.Source.FILE) {
      return CodeBlock.of(
          "$N.$N($S, $L.$N(), $L.$N())",
          FORM,
          RuntimeMethods.ADD_FORM_DATA_PART,
          field.wireName(),
          value,
          RuntimeMethods.FILENAME,
          value,
          RuntimeMethods.FILE_BODY);
    }
    if (isString(field.type()))
      return CodeBlock.of("$N.$N($S, $L)", FORM, add, field.wireName(), value);
    return CodeBlock.of(
        "$N.$N($S, $T.$N($N.$N(), $L))",
        FORM,
        add,
        field.wireName(),
        RuntimeTypes.JSON_TEXT,
        RuntimeMethods.JSON_TEXT_OF,
        CONTEXT,
        RuntimeMethods.JSON,
        value);
  }

  private boolean isString(TypeRef type) {
    TypeRef element = type instanceof TypeRef.ListOf list ? list.element() : type;
    return support.types.of(element).equals(ClassName.get(String.class));
  }
}
