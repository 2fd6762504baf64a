package ai.cartesia.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.testing.Secrets;
import org.junit.jupiter.api.Test;

class SdkVersionTest {

  @Test
  void outsideAJarTheVersionComesFromTheResourceTheBuildFilled() {
    String expected = System.getProperty("expected.version");
    assertThat(expected).as("the build passes the project's version").isNotBlank();

    // Tests run from target/classes: no manifest, so this is the filtered version.properties.
    assertThat(SdkVersion.of(ClientOptions.class)).isEqualTo(expected).isNotEqualTo("dev");
  }

  @Test
  void aPackageWithNeitherManifestNorResourceIsDev() {
    assertThat(SdkVersion.of(Secrets.class)).isEqualTo("dev");
  }
}
