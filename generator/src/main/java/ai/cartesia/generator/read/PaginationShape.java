package ai.cartesia.generator.read;

import static ai.cartesia.generator.read.SchemaShapes.castList;
import static ai.cartesia.generator.read.SchemaShapes.hasAlternatives;
import static ai.cartesia.generator.read.SchemaShapes.nonNullVariants;
import static ai.cartesia.generator.read.SchemaShapes.type;

import ai.cartesia.generator.model.Pagination;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.TypeRef;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the properties {@code x-pagination} names have the JSON types a pager can use: a list
 * of items, a boolean flag, and cursors that are strings or numbers (nullable or optional ones
 * included: they end the pages). Anything else would be Java that does not compile.
 */
final class PaginationShape {

  private static final Set<String> CURSOR_TYPES = Set.of("string", "integer", "number");

  private final Components components;

  PaginationShape(Components components) {
    this.components = components;
  }

  /** What is wrong with the page, the request's cursor parameter or the items; empty if nothing. */
  Optional<String> problem(
      Pagination pagination, Map<String, Schema<?>> pageProperties, Parameter cursorParameter) {
    if (!(cursorParameter.type() instanceof TypeRef.Primitive p)
        || p.kind() != TypeRef.Primitive.Kind.STRING) {
      return Optional.of(
          "the cursor parameter '" + pagination.cursorParameter() + "' is not a string");
    }
    Schema<?> items = pageProperties.get(pagination.items());
    if (!"array".equals(jsonType(items))) {
      return Optional.of("the page's '" + pagination.items() + "' is not an array");
    }
    if (!"boolean".equals(jsonType(pageProperties.get(pagination.hasMore())))) {
      return Optional.of("the page's '" + pagination.hasMore() + "' is not a boolean");
    }
    if (pagination.nextCursor().isPresent()) {
      String next = pagination.nextCursor().get();
      if (!pageProperties.containsKey(next))
        return Optional.of("the page has no property '" + next + "'");
      if (!isCursor(pageProperties.get(next)))
        return Optional.of("the page's '" + next + "' is not a string or a number");
    }
    if (pagination.cursorFromLastItem().isPresent()) {
      String id = pagination.cursorFromLastItem().get();
      Schema<?> item = unwrapped(components.resolve(unwrapped(items)).getItems());
      Map<String, Schema<?>> itemProperties = new LinkedHashMap<>();
      if (item != null && "object".equals(jsonType(item)))
        components.collectProperties(
            item, "#", itemProperties, new LinkedHashSet<>(), new LinkedHashSet<>());
      if (item != null && !itemProperties.isEmpty()) {
        if (!itemProperties.containsKey(id))
          return Optional.of("the items have no property '" + id + "'");
        if (!isCursor(itemProperties.get(id)))
          return Optional.of("the items' '" + id + "' is not a string or a number");
      }
    }
    return Optional.empty();
  }

  private boolean isCursor(Schema<?> schema) {
    String type = jsonType(schema);
    return type != null && CURSOR_TYPES.contains(type);
  }

  /** The JSON type a property has once references, a lone non-null variant and a lone allOf are looked through. */
  private String jsonType(Schema<?> schema) {
    Schema<?> plain = unwrapped(schema);
    if (plain == null) return null;
    if (plain.getProperties() != null || plain.getAllOf() != null) return "object";
    return type(plain);
  }

  private Schema<?> unwrapped(Schema<?> schema) {
    Schema<?> current = schema;
    for (int i = 0; current != null && i < 32; i++) {
      Schema<?> resolved = components.resolve(current);
      if (hasAlternatives(resolved) && nonNullVariants(resolved).size() == 1) {
        current = nonNullVariants(resolved).get(0);
      } else if (resolved.getAllOf() != null
          && resolved.getAllOf().size() == 1
          && resolved.getProperties() == null) {
        current = castList(resolved.getAllOf()).get(0);
      } else {
        return resolved;
      }
    }
    return current;
  }
}
