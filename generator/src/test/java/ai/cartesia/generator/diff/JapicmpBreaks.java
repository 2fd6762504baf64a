package ai.cartesia.generator.diff;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.filter.JavadocLikePackageFilter;
import japicmp.model.AccessModifier;
import japicmp.model.JApiBehavior;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiField;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs japicmp on two jars, limited to the public API (public and protected members, no
 * {@code *.internal*} package), and lists every element it finds binary-incompatible.
 */
final class JapicmpBreaks {

  /**
   * One binary-incompatible element.
   *
   * @param packageName the class's package
   * @param type the class, nested names joined with dots and without the package ({@code TokenGrant.Builder})
   * @param kind class, method, constructor or field
   * @param member the method or field name, or empty for the class itself
   * @param changes japicmp's names for what changed
   */
  record Break(String packageName, String type, String kind, String member, String changes) {
    @Override
    public String toString() {
      return type + (member.isEmpty() ? "" : "." + member) + " [" + changes + "]";
    }
  }

  private JapicmpBreaks() {}

  /** What japicmp compared (qualified class names, either version) and what it found incompatible. */
  record Result(List<String> comparedClasses, List<Break> breaks) {

    /** The classes japicmp found removed: qualified, nested names joined with dots. */
    Set<String> removedClasses() {
      return breaks.stream()
          .filter(b -> b.kind().equals("class") && b.changes().contains("CLASS_REMOVED"))
          .map(b -> b.packageName() + "." + b.type())
          .collect(Collectors.toSet());
    }

    /** The report's names (see {@link ReportNames}) for one incompatible element. */
    Set<String> reportNames(Break element) {
      return ReportNames.of(element, removedClasses());
    }
  }

  static Result between(Path older, Path newer) {
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    options.setAccessModifier(AccessModifier.PROTECTED);
    options.getFilters().getExcludes().add(new JavadocLikePackageFilter("*.internal*", false));
    // The generated classes extend and use sdk-core and its libraries: the test class path has
    // them.
    options.setClassPathMode(JarArchiveComparatorOptions.ClassPathMode.ONE_COMMON_CLASSPATH);
    options.getClassPathEntries().addAll(testClassPath());
    List<JApiClass> classes = new JarArchiveComparator(options)
        .compare(
            new JApiCmpArchive(older.toFile(), "old"), new JApiCmpArchive(newer.toFile(), "new"));
    List<Break> breaks = new ArrayList<>();
    for (JApiClass c : classes) {
      String qualified = c.getFullyQualifiedName();
      String pkg =
          qualified.contains(".") ? qualified.substring(0, qualified.lastIndexOf('.')) : "";
      String type = qualified.substring(pkg.isEmpty() ? 0 : pkg.length() + 1).replace('$', '.');
      add(breaks, new Break(pkg, type, "class", "", ""), c);
      for (JApiBehavior b : c.getMethods())
        add(breaks, new Break(pkg, type, "method", b.getName(), ""), b);
      for (JApiBehavior b : c.getConstructors())
        add(breaks, new Break(pkg, type, "constructor", "<init>", ""), b);
      for (JApiField f : c.getFields())
        add(breaks, new Break(pkg, type, "field", f.getName(), ""), f);
    }
    return new Result(classes.stream().map(JApiClass::getFullyQualifiedName).toList(), breaks);
  }

  private static void add(List<Break> breaks, Break where, JApiCompatibility element) {
    String changes = element.getCompatibilityChanges().stream()
        .filter(change -> !change.isBinaryCompatible())
        .map(JApiCompatibilityChange::getType)
        .map(Enum::name)
        .distinct()
        .collect(Collectors.joining(","));
    if (!changes.isEmpty())
      breaks.add(
          new Break(where.packageName(), where.type(), where.kind(), where.member(), changes));
  }

  private static List<String> testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String classPath =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(e -> !e.isBlank())
        .toList();
  }
}
