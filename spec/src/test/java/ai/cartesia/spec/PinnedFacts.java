package ai.cartesia.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Marks a test that pins facts of the spec. When one fails after an intended change of the spec,
 * the failure says which file holds the expected facts and what to run next, so a maintainer
 * updating the API is guided rather than left with a bare assertion.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PinnedFacts.Guide.class)
@interface PinnedFacts {

  /** Where the expected facts live, relative to the repository. */
  String update();

  /** Adds the guidance to an assertion failure; other failures pass through unchanged. */
  final class Guide implements TestExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure)
        throws Throwable {
      PinnedFacts pinned = context.getRequiredTestClass().getAnnotation(PinnedFacts.class);
      if (!(failure instanceof AssertionError) || pinned == null) throw failure;
      AssertionError guided = new AssertionError(
          failure.getMessage() + "\n\n"
              + "This test pins facts of the spec (spec/cartesia-*.yaml). If you changed the spec on purpose, update "
              + pinned.update()
              + " to the new facts, then run the main job (mvn -B -Pregenerate install -DskipTests), "
              + "which regenerates the SDK and prints the API change report.",
          failure);
      guided.setStackTrace(failure.getStackTrace());
      throw guided;
    }
  }
}
