package ai.cartesia.generator.model;

import java.util.Set;

/**
 * Names the emit stage's code declares or imports, which the names the model decides must not
 * take. The emitters define them next to the code that uses them; the model only avoids them.
 *
 * @param typeNames simple names of the classes generated files import or declare as nested types
 *     ({@code Builder}, {@code OkHttpClient}); a type named so gets a {@code Model} suffix
 * @param callArguments names a generated call method's body uses for fields, locals and lambda
 *     parameters, which a parameter of the spec must not shadow
 * @param taggedVariants names a tagged union's variants must not take (its visitor's methods)
 * @param untaggedVariants names an untagged union's variants must not take (its nested types)
 * @param builderSettings the methods of the root client's builder, which credential and server
 *     variable settings must not take
 */
public record ReservedNames(
    Set<String> typeNames,
    Set<String> callArguments,
    Set<String> taggedVariants,
    Set<String> untaggedVariants,
    Set<String> builderSettings) {

  public static final ReservedNames NONE =
      new ReservedNames(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

  public ReservedNames {
    typeNames = Set.copyOf(typeNames);
    callArguments = Set.copyOf(callArguments);
    taggedVariants = Set.copyOf(taggedVariants);
    untaggedVariants = Set.copyOf(untaggedVariants);
    builderSettings = Set.copyOf(builderSettings);
  }
}
