package ai.cartesia.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The API key the tests use, and the check that it shows nowhere. */
public final class Secrets {

  public static final String API_KEY = "sk_test_TOP_SECRET_0123456789";

  private Secrets() {}

  /** Neither the {@code toString} of each thing nor, for exceptions, any message or trace in its chain. */
  public static void assertNoKey(Object... things) {
    for (Object thing : things) {
      if (thing == null) continue;
      assertThat(String.valueOf(thing)).doesNotContain(API_KEY);
      if (thing instanceof Throwable throwable) {
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(API_KEY);
      }
    }
  }
}
