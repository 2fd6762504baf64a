package ai.cartesia.core;

/** The version of an SDK artifact, as its jar's manifest records it. */
public final class SdkVersion {

  private SdkVersion() {}

  /** The {@code Implementation-Version} of the jar that holds the class, or {@code dev} outside a jar. */
  public static String of(Class<?> type) {
    Package pkg = type.getPackage();
    String version = pkg == null ? null : pkg.getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
