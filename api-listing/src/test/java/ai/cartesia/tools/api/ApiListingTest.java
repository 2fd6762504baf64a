package ai.cartesia.tools.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiListingTest {

  @TempDir
  Path dir;

  private Path compile(Map<String, String> sources) throws IOException {
    Path src = dir.resolve("src");
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    List<String> args =
        new java.util.ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
    return classes;
  }

  @Test
  void listsPublicTypesAndMembersWithGenericSignaturesAndLeavesOutInternalAndPrivateOnes()
      throws IOException {
    Path classes = compile(Map.of(
        "p/Shape.java", """
            package p;
            public sealed interface Shape permits Circle, Square {
              double area();
              default String label() { return "shape"; }
              static Shape unit() { return new Square(1); }
            }
            """,
        "p/Circle.java",
            "package p; public record Circle(double radius) implements Shape {"
                + " public double area() { return 3.14 * radius * radius; } }",
        "p/Square.java", """
            package p;
            public final class Square implements Shape {
              public static final int SIDES = 4;
              private final double side;
              public Square(double side) { this.side = side; }
              Square() { this(1); }
              public double area() { return side * side; }
              public <T extends Comparable<T>> java.util.List<T> sorted(java.util.List<T> in, String... tags)
                  throws java.io.IOException { return in; }
              private void hidden() {}
              public static class Builder { protected Builder() {} }
              static class Helper { public void notApi() {} }
            }
            """,
        "p/Color.java",
            "package p; public enum Color { RED, GREEN; public String hex() { return \"\"; } }",
        "p/internal/Plumbing.java",
            "package p.internal; public final class Plumbing { public void run() {} }",
        "p/Hidden.java", "package p; final class Hidden { public void run() {} }"));

    String listing = ApiListing.of(classes);

    assertThat(listing).isEqualTo("""
        public record p.Circle(double radius) implements p.Shape
          public p.Circle(double)
          public double area()
          public final boolean equals(java.lang.Object)
          public final int hashCode()
          public double radius()
          public final java.lang.String toString()

        public enum p.Color
          enum constant GREEN
          enum constant RED
          public java.lang.String hex()
          public static p.Color valueOf(java.lang.String)
          public static p.Color[] values()

        public sealed interface p.Shape permits p.Circle, p.Square
          public abstract double area()
          public default java.lang.String label()
          public static p.Shape unit()

        public final class p.Square implements p.Shape
          public static final int SIDES
          public p.Square(double)
          public double area()
          public <T extends java.lang.Comparable<T>> java.util.List<T> sorted(java.util.List<T>, java.lang.String...) throws java.io.IOException

        public static class p.Square.Builder
          protected p.Square.Builder()

        """);
  }

  @Test
  void aChangedSurfaceFailsWithTheLinesThatChangedAndTheCommandThatRefreshesTheListing()
      throws IOException {
    Path classes = compile(Map.of(
        "p/A.java", "package p; public class A { public void kept() {} public void added() {} }"));
    Path listing = dir.resolve("api/module.api");
    Files.createDirectories(listing.getParent());
    Files.writeString(
        listing,
        "public class p.A\n  public p.A()\n  public void kept()\n  public void removed()\n\n");

    assertThatThrownBy(() -> ApiListingCheck.check(classes, listing))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("- public class p.A { public void removed() }")
        .hasMessageContaining("+ public class p.A { public void added() }")
        .hasMessageContaining(ApiListingCheck.UPDATE_COMMAND)
        .hasMessageNotContaining("kept");
  }

  @Test
  void updateModeWritesTheListingAndAnUnchangedSurfacePasses() throws IOException {
    Path classes = compile(Map.of("p/A.java", "package p; public class A {}"));
    Path listing = dir.resolve("api/module.api");
    System.setProperty("api.update", "true");
    try {
      ApiListingCheck.check(classes, listing);
    } finally {
      System.clearProperty("api.update");
    }
    assertThat(Files.readString(listing)).isEqualTo("public class p.A\n  public p.A()\n\n");
    ApiListingCheck.check(classes, listing);
  }

  @Test
  void aPublicSignatureNamingAnInternalTypeIsReportedWithItsType() throws IOException {
    Path classes = compile(Map.of(
        "p/internal/Plumbing.java", "package p.internal; public final class Plumbing {}",
        "p/Leaky.java",
            "package p; public class Leaky { public Leaky(p.internal.Plumbing p) {}"
                + " public java.util.List<p.internal.Plumbing> pipes() { return null; } public void fine() {} }",
        "p/Clean.java",
            "package p; public class Clean { public String internalName() { return null; } }"));

    assertThat(ApiListingCheck.internalTypeLeaks(ApiListing.of(classes)))
        .containsExactly(
            "public class p.Leaky { public p.Leaky(p.internal.Plumbing) }",
            "public class p.Leaky { public java.util.List<p.internal.Plumbing> pipes() }");
    assertThatThrownBy(() -> ApiListingCheck.checkNoInternalTypes(classes))
        .hasMessageContaining("p.Leaky(p.internal.Plumbing)");
  }
}
