package ai.cartesia.tools.api;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public API of one module as text: every public type outside {@code internal} packages, with
 * the signature of each public and protected member, one per line, sorted. The listing is
 * committed beside the module, so that any change of the surface shows in review (the practice of
 * Kotlin's binary-compatibility validator and Android's Metalava).
 */
public final class ApiListing {

  private ApiListing() {}

  /** Renders the public API of the classes compiled into {@code classesDir}. */
  public static String of(Path classesDir) {
    List<String> names = classNames(classesDir);
    try (URLClassLoader loader = loaderFor(classesDir)) {
      List<Class<?>> types = new ArrayList<>();
      for (String name : names) {
        Class<?> type = load(loader, name);
        if (PublicSurface.isPublicApi(type)) types.add(type);
      }
      types.sort(Comparator.comparing(Class::getName));
      StringBuilder listing = new StringBuilder();
      for (Class<?> type : types) {
        listing.append(Signatures.declaration(type)).append('\n');
        for (String member : PublicSurface.members(type))
          listing.append("  ").append(member).append('\n');
        listing.append('\n');
      }
      return listing.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> classNames(Path classesDir) {
    try (Stream<Path> files = Files.walk(classesDir)) {
      return files
          .filter(file -> file.toString().endsWith(".class"))
          .map(file -> classesDir.relativize(file).toString())
          .filter(
              name -> !name.endsWith("package-info.class") && !name.endsWith("module-info.class"))
          .map(name ->
              name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A loader whose parent is this class's loader: the module's dependencies are on the test
   * classpath, its own classes may or may not be, and either way each class is loaded once.
   */
  private static URLClassLoader loaderFor(Path classesDir) {
    try {
      return new URLClassLoader(
          new URL[] {classesDir.toUri().toURL()}, Thread.currentThread().getContextClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(classesDir.toString(), e);
    }
  }

  private static Class<?> load(ClassLoader loader, String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("cannot load " + name + " to list its API: " + e, e);
    }
  }

  static boolean isExported(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
