package ai.cartesia.generator.emit;

import static ai.cartesia.generator.emit.OperationSignatures.OPTIONS;
import static ai.cartesia.generator.emit.OperationSignatures.REQUEST;

import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Pagination;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import ai.cartesia.generator.model.TypeDecl.RequestDecl;
import ai.cartesia.generator.model.TypeDecl.RequestField;
import ai.cartesia.generator.model.TypeRef;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The pager methods of a paginated operation: iterating them fetches page after page. */
final class PagerMethods implements ClientMethods<Operation> {

  /** Lambda parameters of the pager's functions. */
  static final String CURSOR = "cursor";

  static final String PAGE = "page";
  static final String CURSOR_VALUE = "c";
  static final String ITEM = "item";
  static final Set<String> LOCALS = Set.of(CURSOR, PAGE, CURSOR_VALUE, ITEM);

  private final ClientSupport support;
  private final OperationSignatures signatures;

  PagerMethods(ClientSupport support, OperationSignatures signatures) {
    this.support = support;
    this.signatures = signatures;
  }

  @Override
  public List<MethodSpec> methods(Operation operation) {
    if (operation.pagination().isEmpty()) return List.of();
    Pagination pagination = operation.pagination().get();
    List<MethodSpec> pager = new ArrayList<>(signatures.withAndWithoutOptions(
        operation,
        operation.methodName(),
        pagerType(operation, pagination),
        signatures.arguments(operation),
        pagerBody(operation, pagination)));
    if (usesDeprecatedField(operation, pagination)) {
      // The deprecated field is only a fallback cursor; callers are not told to stop using
      // anything.
      MethodSpec full = pager.remove(pager.size() - 1);
      pager.add(full.toBuilder()
          .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", "deprecation")
              .build())
          .build());
    }
    return pager;
  }

  private ObjectDecl page(Operation operation) {
    return support.object(((Response.Json) operation.response()).type());
  }

  private TypeRef itemType(Operation operation, Pagination pagination) {
    return ((TypeRef.ListOf)
            ClientSupport.field(page(operation), pagination.items()).type())
        .element();
  }

  private TypeName pagerType(Operation operation, Pagination pagination) {
    TypeName page = support.types.of(((Response.Json) operation.response()).type());
    return ParameterizedTypeName.get(
        RuntimeTypes.CURSOR_PAGER, page, support.types.boxed(itemType(operation, pagination)));
  }

  private CodeBlock pagerBody(Operation operation, Pagination pagination) {
    ObjectDecl page = page(operation);
    RequestDecl request = support.requestObject(operation).orElseThrow();
    RequestField cursor = request.fields().stream()
        .filter(f -> f.wireName().equals(pagination.cursorParameter()))
        .findFirst()
        .orElseThrow();
    String others = signatures.arguments(operation).stream()
        .map(p -> p.name().equals(REQUEST) ? PAGE : p.name())
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
    CodeBlock items = accessor(page, pagination.items(), PAGE, CodeBlock.of("$T.of()", List.class));
    CodeBlock hasMore = accessor(page, pagination.hasMore(), PAGE, CodeBlock.of("false"));
    CodeBlock lastItem = pagination
        .cursorFromLastItem()
        .filter(wire -> support.isObject(itemType(operation, pagination)))
        .map(wire -> CodeBlock.of(
            "$N -> $L",
            ITEM,
            lastItemCursor(support.object(itemType(operation, pagination)), wire)))
        .orElse(CodeBlock.of("null"));
    CodeBlock nextPage = pagination
        .nextCursor()
        .map(wire -> CodeBlock.of("$N -> $L", PAGE, cursorOf(page, wire, PAGE)))
        .orElse(CodeBlock.of("null"));
    return CodeBlock.builder()
        .add(
            "return new $T<>($T.$N(\n",
            RuntimeTypes.CURSOR_PAGER,
            RuntimeTypes.CURSOR_PAGER,
            RuntimeMethods.BY_CURSOR)
        .indent()
        .indent()
        .add("$N -> {\n", CURSOR)
        .indent()
        .addStatement(
            "$T $N = $N.map($N -> $N.toBuilder().$N($N).build()).orElse($N)",
            support.packages.modelType(request.name()),
            PAGE,
            CURSOR,
            CURSOR_VALUE,
            REQUEST,
            cursor.javaName(),
            CURSOR_VALUE,
            REQUEST)
        .addStatement("return $N($L, $N)", JavaNames.callMethod(operation), others, OPTIONS)
        .unindent()
        .add("},\n")
        .add("$N -> $L,\n", PAGE, items)
        .add("$N -> $L,\n", PAGE, hasMore)
        .add("$L,\n", lastItem)
        .add("$L));\n", nextPage)
        .unindent()
        .unindent()
        .build();
  }

  private boolean usesDeprecatedField(Operation operation, Pagination pagination) {
    ObjectDecl page = page(operation);
    List<String> used = new ArrayList<>(List.of(pagination.items(), pagination.hasMore()));
    pagination.nextCursor().ifPresent(used::add);
    boolean pageField =
        used.stream().anyMatch(wire -> ClientSupport.field(page, wire).docs().deprecated());
    boolean itemField = pagination
        .cursorFromLastItem()
        .filter(wire -> support.isObject(itemType(operation, pagination)))
        .map(wire -> ClientSupport.field(support.object(itemType(operation, pagination)), wire)
            .docs()
            .deprecated())
        .orElse(false);
    return pageField || itemField;
  }

  /** Reads a property whatever its accessor returns: the value, or an {@code Optional} of it. */
  private static CodeBlock accessor(
      ObjectDecl object, String wireName, String variable, CodeBlock fallback) {
    Field field = ClientSupport.field(object, wireName);
    return switch (FieldKind.of(field)) {
      case REQUIRED, CONSTANT -> CodeBlock.of("$N.$N()", variable, field.javaName());
      case OPTIONAL_NULLABLE ->
        CodeBlock.of("$N.$N().toOptional().orElse($L)", variable, field.javaName(), fallback);
      default -> CodeBlock.of("$N.$N().orElse($L)", variable, field.javaName(), fallback);
    };
  }

  /** The cursor an item gives for the page after it, or null. */
  private static CodeBlock lastItemCursor(ObjectDecl item, String wireName) {
    Field field = ClientSupport.field(item, wireName);
    if (JavaTypes.isText(field.type())) return accessor(item, wireName, ITEM, CodeBlock.of("null"));
    if (FieldKind.of(field) == FieldKind.REQUIRED)
      return CodeBlock.of("$T.valueOf($N.$N())", String.class, ITEM, field.javaName());
    return CodeBlock.of("$L.orElse(null)", cursorOf(item, wireName, ITEM));
  }

  /**
   * A cursor property as an {@code Optional<String>}, whatever its accessor returns (a value, an
   * {@code Optional}, or an {@code OptionalNullable} when it may be null), and whether it is a
   * string or a number on the wire.
   */
  private static CodeBlock cursorOf(ObjectDecl object, String wireName, String variable) {
    Field field = ClientSupport.field(object, wireName);
    if (!JavaTypes.isText(field.type()) && FieldKind.of(field) == FieldKind.REQUIRED) {
      return CodeBlock.of(
          "$T.of($T.valueOf($N.$N()))", Optional.class, String.class, variable, field.javaName());
    }
    CodeBlock value = switch (FieldKind.of(field)) {
      case REQUIRED, CONSTANT ->
        CodeBlock.of("$T.ofNullable($N.$N())", Optional.class, variable, field.javaName());
      case OPTIONAL, REQUIRED_NULLABLE -> CodeBlock.of("$N.$N()", variable, field.javaName());
      case OPTIONAL_NULLABLE -> CodeBlock.of("$N.$N().toOptional()", variable, field.javaName());
    };
    return JavaTypes.isText(field.type())
        ? value
        : CodeBlock.of("$L.map($T::toString)", value, Object.class);
  }
}
