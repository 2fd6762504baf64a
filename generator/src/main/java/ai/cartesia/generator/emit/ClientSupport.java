package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import ai.cartesia.generator.model.TypeDecl.RequestDecl;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.Optional;

/**
 * What the parts of a resource client share: the model with its lookups, the packages, types
 * and names, and the code that decodes a streamed message.
 */
final class ClientSupport {

  /** The resource client's field with the shared {@code ClientContext}, which every part's code uses. */
  static final String CONTEXT = "context";
  /** The resource client's field with the Retrofit service. */
  static final String SERVICE = "service";

  final ApiModel model;
  final Packages packages;
  final JavaTypes types;
  final JavaNames names;

  ClientSupport(ApiModel model, Packages packages, JavaTypes types, JavaNames names) {
    this.model = model;
    this.packages = packages;
    this.types = types;
    this.names = names;
  }

  /** The request object of an operation, if it has one. */
  Optional<RequestDecl> requestObject(Operation operation) {
    return operation.requestObject().map(this::request);
  }

  RequestDecl request(String name) {
    return (RequestDecl) model.type(name).orElseThrow();
  }

  /** The object declaration a reference names. */
  ObjectDecl object(TypeRef ref) {
    return (ObjectDecl) model.type(((TypeRef.Named) ref).name()).orElseThrow();
  }

  /** Whether a reference names an object declaration. */
  boolean isObject(TypeRef ref) {
    return ref instanceof TypeRef.Named named
        && model.type(named.name()).orElse(null) instanceof ObjectDecl;
  }

  static Field field(ObjectDecl object, String wireName) {
    return object.fields().stream()
        .filter(f -> f.wireName().equals(wireName))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException(object.name() + " has no property " + wireName));
  }

  /** The SDK's decoder of a streamed type: the generated one for named types. */
  CodeBlock decoderOf(TypeRef type) {
    if (type instanceof TypeRef.Named named) {
      return CodeBlock.of(
          "$T.$N($N.$N())",
          names.streamDecoders(),
          JavaNames.decoderMethod(named.name()),
          CONTEXT,
          RuntimeMethods.JSON);
    }
    return CodeBlock.of(
        "$T.$N($N.$N(), $L)",
        RuntimeTypes.FRAME_DECODER,
        RuntimeMethods.JSON_DECODER,
        CONTEXT,
        RuntimeMethods.JSON,
        classLiteral(types.boxed(type)));
  }

  static CodeBlock classLiteral(TypeName type) {
    TypeName raw = type instanceof ParameterizedTypeName p ? p.rawType() : type;
    return CodeBlock.of("$T.class", raw);
  }

  /** The type where a primitive cannot go, {@code Void} for none: for futures and raw responses. */
  static TypeName boxedResult(TypeName result) {
    return result.equals(TypeName.VOID) ? ClassName.get(Void.class) : result.box();
  }
}
