package ai.cartesia.testing;

import java.util.Random;

/**
 * One voice of the fake's catalogue ({@link FakeVoices}), with the fields of the API's {@code
 * Voice}. {@code gender} is what the {@code gender} filter of {@code GET /voices} matches
 * ({@code feminine}, {@code masculine} or {@code gender_neutral}); the API does not return it.
 */
public record FakeVoice(
    String id,
    String name,
    String description,
    String language,
    String createdAt,
    boolean isOwner,
    boolean isStarred,
    String gender) {

  /** Length of an embedding, as the API documents it. */
  public static final int EMBEDDING_LENGTH = 192;

  /** The voice's embedding (returned with {@code expand[]=embedding}): 192 numbers in [-1, 1), a pure function of the id. */
  public double[] embedding() {
    Random random = new Random(id.hashCode());
    double[] embedding = new double[EMBEDDING_LENGTH];
    for (int i = 0; i < embedding.length; i++) embedding[i] = random.nextDouble() * 2 - 1;
    return embedding;
  }
}
