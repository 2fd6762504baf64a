package ai.cartesia.generator;

import ai.cartesia.tools.api.ApiListingCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of cartesia-java-generator is what api/cartesia-java-generator.api lists: a change of the surface shows in review. */
class PublicApiTest {

  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void publicApiIsWhatTheCommittedListingSays() {
    ApiListingCheck.check(CLASSES, Path.of("api/cartesia-java-generator.api"));
  }

  @Test
  void noPublicSignatureNamesAnInternalType() {
    ApiListingCheck.checkNoInternalTypes(CLASSES);
  }
}
