package ai.cartesia.generator.read;

import static ai.cartesia.generator.read.SchemaShapes.SCHEMA_REF;
import static ai.cartesia.generator.read.SchemaShapes.castList;
import static ai.cartesia.generator.read.SchemaShapes.hasAlternatives;
import static ai.cartesia.generator.read.SchemaShapes.isObjectDeclaration;
import static ai.cartesia.generator.read.SchemaShapes.simpleRefName;

import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Schemas that extend others through {@code allOf}, and the discriminators their bases declare.
 * OpenAPI lets a base schema name its subtypes by a discriminator without listing them in a
 * {@code oneOf}: the subtypes are the schemas whose {@code allOf} refers to it, tagged by the
 * mapping or, when it leaves them out, by their schema names. Such a base becomes a union.
 */
final class Polymorphism {

  private final Components components;
  /** Base component to the components whose {@code allOf} refers to it directly, in document order. */
  private final Map<String, List<String>> children = new LinkedHashMap<>();
  /** The schemas of the bases that become unions, by identity. */
  private final Set<Schema<?>> bases = Collections.newSetFromMap(new IdentityHashMap<>());

  Polymorphism(Components components) {
    this.components = components;
    for (var entry : components.schemas().entrySet()) {
      if (entry.getValue().getAllOf() == null) continue;
      for (Schema<?> part : castList(entry.getValue().getAllOf())) {
        String base = part.get$ref() == null ? null : simpleRefName(part.get$ref());
        if (base != null && !base.equals(entry.getKey()) && components.schemas().containsKey(base))
          children.computeIfAbsent(base, k -> new ArrayList<>()).add(entry.getKey());
      }
    }
    for (var entry : components.schemas().entrySet()) {
      Schema<?> schema = entry.getValue();
      if (discriminatorOf(schema).isPresent()
          && !hasAlternatives(schema)
          && isObjectDeclaration(schema)
          && !subtypes(entry.getKey()).isEmpty()) bases.add(schema);
    }
  }

  /**
   * Whether a component is a base that names its subtypes by a discriminator, without a {@code
   * oneOf} of its own, and has subtypes: it is generated as a union of them.
   */
  boolean isBase(String component) {
    return component != null && isBase(components.schemas().get(component));
  }

  /** {@link #isBase(String)}, for the schema of a component. */
  boolean isBase(Schema<?> schema) {
    return schema != null && bases.contains(schema);
  }

  /** The subtypes of a base, as references: those its mapping names, then those extending it. */
  List<Schema<?>> subtypes(String base) {
    Set<String> names = new LinkedHashSet<>();
    Map<String, String> mapping = discriminatorOf(components.schemas().get(base))
        .map(Discriminator::getMapping)
        .orElse(null);
    if (mapping != null) {
      for (String ref : mapping.values()) {
        String name = simpleRefName(ref.startsWith("#") ? ref : SCHEMA_REF + ref);
        if (name != null && !components.aliasTarget(name).equals(base)) names.add(name);
      }
    }
    names.addAll(children.getOrDefault(base, List.of()));
    List<Schema<?>> refs = new ArrayList<>();
    for (String name : names) refs.add(new Schema<>().$ref(SCHEMA_REF + name));
    return refs;
  }

  /**
   * The discriminator of the base that every variant of a union extends, if they share one: a
   * {@code oneOf} of subtypes is told apart by it even when the {@code oneOf} declares none. The
   * mapping is narrowed to the union's variants.
   */
  Optional<Discriminator> shared(List<Schema<?>> variants) {
    Discriminator found = null;
    Set<String> variantNames = new LinkedHashSet<>();
    for (Schema<?> variant : variants) {
      String name = variant.get$ref() == null ? null : simpleRefName(variant.get$ref());
      if (name == null || !components.schemas().containsKey(name)) return Optional.empty();
      variantNames.add(components.aliasTarget(name));
      Optional<Discriminator> own = baseDiscriminator(name);
      if (own.isEmpty()) return Optional.empty();
      if (found == null) found = own.get();
      else if (!found.getPropertyName().equals(own.get().getPropertyName()))
        return Optional.empty();
    }
    if (found == null) return Optional.empty();
    return Optional.of(narrowed(found, variantNames));
  }

  /** The mapping of the bases a union's variants extend, for a discriminator that has none of its own. */
  Map<String, String> inheritedMapping(List<Schema<?>> variants, String property) {
    Map<String, String> mapping = new LinkedHashMap<>();
    Set<String> variantNames = new LinkedHashSet<>();
    for (Schema<?> variant : variants) {
      String name = variant.get$ref() == null ? null : simpleRefName(variant.get$ref());
      if (name != null && components.schemas().containsKey(name))
        variantNames.add(components.aliasTarget(name));
    }
    for (Schema<?> variant : variants) {
      String name = variant.get$ref() == null ? null : simpleRefName(variant.get$ref());
      if (name == null || !components.schemas().containsKey(name)) continue;
      baseDiscriminator(name)
          .filter(d -> property.equals(d.getPropertyName()))
          .map(d -> narrowed(d, variantNames).getMapping())
          .ifPresent(m -> m.forEach(mapping::putIfAbsent));
    }
    return mapping;
  }

  /** The discriminator of a base the component extends directly through {@code allOf}. */
  private Optional<Discriminator> baseDiscriminator(String component) {
    Schema<?> schema = components.schemas().get(component);
    if (schema == null || schema.getAllOf() == null) return Optional.empty();
    for (Schema<?> part : castList(schema.getAllOf())) {
      String base = part.get$ref() == null ? null : simpleRefName(part.get$ref());
      Schema<?> baseSchema = base == null ? null : components.schemas().get(base);
      if (baseSchema == null || hasAlternatives(baseSchema)) continue;
      Optional<Discriminator> discriminator = discriminatorOf(baseSchema);
      if (discriminator.isPresent()) return discriminator;
    }
    return Optional.empty();
  }

  private Discriminator narrowed(Discriminator discriminator, Set<String> variantNames) {
    Discriminator result = new Discriminator().propertyName(discriminator.getPropertyName());
    if (discriminator.getMapping() == null) return result;
    Map<String, String> mapping = new LinkedHashMap<>();
    discriminator.getMapping().forEach((tag, ref) -> {
      String name = simpleRefName(ref.startsWith("#") ? ref : SCHEMA_REF + ref);
      if (name != null && variantNames.contains(components.aliasTarget(name)))
        mapping.put(tag, ref);
    });
    if (!mapping.isEmpty()) result.mapping(mapping);
    return result;
  }

  private static Optional<Discriminator> discriminatorOf(Schema<?> schema) {
    return Optional.ofNullable(schema == null ? null : schema.getDiscriminator())
        .filter(d -> d.getPropertyName() != null);
  }
}
