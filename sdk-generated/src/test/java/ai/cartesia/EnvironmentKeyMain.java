package ai.cartesia;

import ai.cartesia.model.Voice;

/**
 * Run by {@link ApiKeyEnvironmentTest} in a child JVM whose environment the test chose: builds a
 * client without an API key (or with one, given as the second argument) and reads a voice.
 * Exits 0 after a successful call, 3 if the client cannot be built.
 */
public final class EnvironmentKeyMain {

  private EnvironmentKeyMain() {}

  public static void main(String[] args) {
    Cartesia.Builder builder = Cartesia.builder().baseUrl(args[0]).maxRetries(0);
    if (args.length > 1) builder.apiKey(args[1]);
    Cartesia client;
    try {
      client = builder.build();
    } catch (IllegalStateException e) {
      System.out.println("cannot build: " + e.getMessage());
      System.exit(3);
      return;
    }
    Voice voice = client.voices().get("env-check");
    System.out.println("voice: " + voice.name());
    System.out.println("client: " + client);
  }
}
