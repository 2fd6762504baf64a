package ai.cartesia;

import ai.cartesia.model.Voice;

/**
 * Run by {@link EnvironmentConfigTest} in a child JVM whose environment the test chose: builds a
 * client with a key but no base URL (or with the base URL given as the first argument) and reads
 * a voice, so that {@code CARTESIA_BASE_URL} and {@code CARTESIA_LOG} act as in an application.
 * Exits 0 after a successful call, 3 if the client cannot be built.
 */
public final class EnvironmentConfigMain {

  static final String API_KEY = "sk_env_config_DO_NOT_LEAK_321";

  private EnvironmentConfigMain() {}

  public static void main(String[] args) {
    Cartesia.Builder builder = Cartesia.builder().apiKey(API_KEY).maxRetries(0);
    if (args.length > 0) builder.baseUrl(args[0]);
    Cartesia client;
    try {
      client = builder.build();
    } catch (IllegalStateException e) {
      System.out.println("cannot build: " + e.getMessage());
      System.exit(3);
      return;
    }
    System.out.println("base URL: " + client.options().baseUrl());
    Voice voice = client.voices().get("env-check");
    System.out.println("voice: " + voice.name());
    client.close();
  }
}
