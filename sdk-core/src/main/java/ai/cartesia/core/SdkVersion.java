package ai.cartesia.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of an SDK artifact, as its jar's manifest or its build records it. */
public final class SdkVersion {

  /** The name of the resource, next to a module's classes, that its build fills with its version. */
  static final String RESOURCE = "version.properties";

  private SdkVersion() {}

  /**
   * The {@code Implementation-Version} of the jar that holds the class; outside a jar (classes
   * run from an IDE or a test), the {@code version} in the {@value #RESOURCE} its build put in the
   * class's package; {@code dev} if there is neither.
   */
  public static String of(Class<?> type) {
    Package pkg = type.getPackage();
    String version = pkg == null ? null : pkg.getImplementationVersion();
    if (version != null && !version.isBlank()) return version;
    return fromResource(type);
  }

  private static String fromResource(Class<?> type) {
    try (InputStream in = type.getResourceAsStream(RESOURCE)) {
      if (in == null) return "dev";
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").strip();
      // An unfiltered resource (a build that skipped resource filtering) still says ${...}.
      return version.isEmpty() || version.startsWith("${") ? "dev" : version;
    } catch (IOException unreadable) {
      return "dev";
    }
  }
}
