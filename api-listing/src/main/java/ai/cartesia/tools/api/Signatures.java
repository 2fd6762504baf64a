package ai.cartesia.tools.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Java-like text for declarations, with fully qualified, generic types. */
final class Signatures {

  private Signatures() {}

  static String declaration(Class<?> type) {
    List<String> words = new ArrayList<>();
    int modifiers = type.getModifiers();
    if (type.isAnnotationPresent(Deprecated.class)) words.add("@Deprecated");
    words.add(visibility(modifiers));
    if (type.getDeclaringClass() != null
        && Modifier.isStatic(modifiers)
        && !type.isInterface()
        && !type.isEnum()
        && !type.isRecord()) {
      words.add("static");
    }
    if (type.isAnnotation()) {
      words.add("@interface");
    } else if (type.isInterface()) {
      if (type.isSealed()) words.add("sealed");
      words.add("interface");
    } else if (type.isEnum()) {
      words.add("enum");
    } else if (type.isRecord()) {
      words.add("record");
    } else {
      if (Modifier.isAbstract(modifiers)) words.add("abstract");
      if (Modifier.isFinal(modifiers)) words.add("final");
      if (type.isSealed()) words.add("sealed");
      words.add("class");
    }
    StringBuilder line = new StringBuilder(String.join(" ", words)).append(' ').append(name(type));
    line.append(typeParameters(type.getTypeParameters()));
    if (type.isRecord()) line.append(recordComponents(type));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      line.append(" extends ").append(typeName(superclass));
    }
    List<Type> interfaces = Arrays.stream(type.getGenericInterfaces())
        .filter(i -> !(type.isAnnotation() && i == java.lang.annotation.Annotation.class))
        .toList();
    if (!interfaces.isEmpty()) {
      line.append(type.isInterface() ? " extends " : " implements ").append(join(interfaces));
    }
    if (type.isSealed()) {
      line.append(" permits ")
          .append(Arrays.stream(type.getPermittedSubclasses())
              .map(Signatures::name)
              .sorted()
              .collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  static String field(Field field) {
    int modifiers = field.getModifiers();
    if (field.isEnumConstant()) return "enum constant " + field.getName();
    return deprecated(field.isAnnotationPresent(Deprecated.class))
        + String.join(
            " ",
            nonEmpty(
                visibility(modifiers),
                flag(Modifier.isStatic(modifiers), "static"),
                flag(Modifier.isFinal(modifiers), "final")))
        + " " + typeName(field.getGenericType()) + " " + field.getName();
  }

  static String constructor(Constructor<?> constructor) {
    return deprecated(constructor.isAnnotationPresent(Deprecated.class))
        + visibility(constructor.getModifiers())
        + typeParametersWithSpace(constructor.getTypeParameters())
        + " " + name(constructor.getDeclaringClass()) + parameters(constructor)
        + exceptions(constructor);
  }

  static String method(Method method) {
    int modifiers = method.getModifiers();
    boolean inInterface = method.getDeclaringClass().isInterface();
    String kind;
    if (Modifier.isStatic(modifiers)) {
      kind = "static";
    } else if (method.isDefault()) {
      kind = "default";
    } else if (Modifier.isAbstract(modifiers)) {
      kind = "abstract";
    } else {
      kind = "";
    }
    String finality = !inInterface && Modifier.isFinal(modifiers) ? "final" : "";
    String head = String.join(" ", nonEmpty(visibility(modifiers), kind, finality));
    return deprecated(method.isAnnotationPresent(Deprecated.class)) + head
        + typeParametersWithSpace(method.getTypeParameters()) + " "
        + typeName(method.getGenericReturnType())
        + " " + method.getName() + parameters(method) + exceptions(method);
  }

  private static String parameters(Executable executable) {
    Type[] types = executable.getGenericParameterTypes();
    // Inner-class constructors and enum constructors may report fewer generic types than
    // parameters.
    if (types.length != executable.getParameterCount()) types = executable.getParameterTypes();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      String name = typeName(types[i]);
      if (executable.isVarArgs() && i == types.length - 1 && name.endsWith("[]")) {
        name = name.substring(0, name.length() - 2) + "...";
      }
      names.add(name);
    }
    return "(" + String.join(", ", names) + ")";
  }

  private static String exceptions(Executable executable) {
    Type[] thrown = executable.getGenericExceptionTypes();
    return thrown.length == 0 ? "" : " throws " + join(Arrays.asList(thrown));
  }

  private static String recordComponents(Class<?> type) {
    return Arrays.stream(type.getRecordComponents())
        .map((RecordComponent c) -> typeName(c.getGenericType()) + " " + c.getName())
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String typeParametersWithSpace(TypeVariable<?>[] variables) {
    String text = typeParameters(variables);
    return text.isEmpty() ? "" : " " + text;
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) return "";
    return Arrays.stream(variables)
        .map(variable -> {
          List<Type> bounds =
              Arrays.stream(variable.getBounds()).filter(b -> b != Object.class).toList();
          return bounds.isEmpty()
              ? variable.getName()
              : variable.getName() + " extends " + join(bounds, " & ");
        })
        .collect(Collectors.joining(", ", "<", ">"));
  }

  private static String join(List<Type> types) {
    return join(types, ", ");
  }

  private static String join(List<Type> types, String separator) {
    return types.stream().map(Signatures::typeName).collect(Collectors.joining(separator));
  }

  /** Nested classes read as {@code Outer.Inner}, as in source. */
  static String typeName(Type type) {
    return type.getTypeName().replace('$', '.');
  }

  private static String name(Class<?> type) {
    return typeName(type);
  }

  private static String visibility(int modifiers) {
    return Modifier.isPublic(modifiers)
        ? "public"
        : Modifier.isProtected(modifiers) ? "protected" : "";
  }

  private static String flag(boolean set, String word) {
    return set ? word : "";
  }

  private static String deprecated(boolean deprecated) {
    return deprecated ? "@Deprecated " : "";
  }

  private static List<String> nonEmpty(String... words) {
    return Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
  }
}
