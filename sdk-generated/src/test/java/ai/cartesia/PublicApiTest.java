package ai.cartesia;

import ai.cartesia.tools.api.ApiListingCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of cartesia-java is what api/cartesia-java.api lists: a change of the surface shows in review. */
class PublicApiTest {

  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void publicApiIsWhatTheCommittedListingSays() {
    ApiListingCheck.check(CLASSES, Path.of("api/cartesia-java.api"));
  }

  @Test
  void noPublicSignatureNamesAnInternalType() {
    ApiListingCheck.checkNoInternalTypes(CLASSES);
  }
}
