package ai.cartesia.tools.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which types and members a user of a module can reach, and so must be kept stable. */
final class PublicSurface {

  private PublicSurface() {}

  /** A public type, nested only in public types, outside every {@code internal} package. */
  static boolean isPublicApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) return false;
    if (isInternal(type.getPackageName())) return false;
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers())) return false;
    }
    return true;
  }

  static boolean isInternal(String packageName) {
    return ("." + packageName + ".").contains(".internal.");
  }

  /**
   * The signatures of the type's reachable members: fields, constructors, then methods, each group
   * sorted. Members a public type inherits from a non-public superclass are listed too, since
   * callers reach them through the public type.
   */
  static List<String> members(Class<?> type) {
    List<String> lines = new ArrayList<>();
    lines.addAll(fields(type));
    lines.addAll(constructors(type));
    lines.addAll(methods(type));
    return lines;
  }

  /** Members sort by name, then by signature, as an index would list them. */
  private static final Comparator<String> BY_NAME =
      Comparator.comparing(PublicSurface::memberName).thenComparing(Comparator.naturalOrder());

  private static String memberName(String signature) {
    int open = signature.indexOf('(');
    String head = open < 0 ? signature : signature.substring(0, open);
    return head.substring(head.lastIndexOf(' ') + 1);
  }

  private static Set<String> fields(Class<?> type) {
    Set<String> lines = new TreeSet<>(BY_NAME);
    for (Field field : type.getDeclaredFields()) {
      if (!field.isSynthetic() && ApiListing.isExported(field.getModifiers()))
        lines.add(Signatures.field(field));
    }
    return lines;
  }

  private static Set<String> constructors(Class<?> type) {
    Set<String> lines = new TreeSet<>();
    // An enum's constructors cannot be called; an abstract class's protected ones can, by
    // subclasses.
    if (type.isEnum()) return lines;
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (!constructor.isSynthetic() && ApiListing.isExported(constructor.getModifiers())) {
        lines.add(Signatures.constructor(constructor));
      }
    }
    return lines;
  }

  private static Set<String> methods(Class<?> type) {
    Set<String> lines = new TreeSet<>(BY_NAME);
    Set<String> seen = new HashSet<>();
    for (Class<?> owner = type; owner != null; owner = owner.getSuperclass()) {
      if (owner != type && (isPublicApi(owner) || owner == Object.class)) break;
      for (Method method : owner.getDeclaredMethods()) {
        if (method.isSynthetic()
            || method.isBridge()
            || !ApiListing.isExported(method.getModifiers())) continue;
        if (seen.add(method.getName() + Arrays.toString(method.getParameterTypes()))) {
          lines.add(Signatures.method(method));
        }
      }
    }
    return lines;
  }
}
