package ai.cartesia.generator.maven;

import ai.cartesia.tools.api.ApiListingCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of cartesia-java-generator-maven-plugin is what api/cartesia-java-generator-maven-plugin.api lists: a change of the surface shows in review. */
class PublicApiTest {

  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void publicApiIsWhatTheCommittedListingSays() {
    ApiListingCheck.check(CLASSES, Path.of("api/cartesia-java-generator-maven-plugin.api"));
  }

  @Test
  void noPublicSignatureNamesAnInternalType() {
    ApiListingCheck.checkNoInternalTypes(CLASSES);
  }
}
