package ai.cartesia.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The voices {@link FakeCartesiaServer} serves ({@code GET /voices}, {@code GET /voices/{id}}), in
 * the order it lists them: {@value #COUNT} voices, a pure function of their index {@code i} (from
 * 0), so a test can compute every page.
 *
 * <ul>
 *   <li>voice 0 has the id {@value #FIRST_ID} (the one in Cartesia's documentation and in this
 *       project's README); voice {@code i > 0} has the name-based UUID of {@code
 *       "fake-cartesia-voice-" + i};
 *   <li>name {@code "Fake voice " + i}; language the {@code i % 15}-th of en, fr, de, es, pt, zh,
 *       ja, hi, it, ko, nl, pl, ru, sv, tr; created {@code i} hours after 2024-11-13T00:00:00Z;
 *   <li>owned by the caller when {@code i % 3 == 0}, starred when {@code i % 4 == 0}, gender
 *       feminine, masculine, gender_neutral by {@code (i / 3) % 3}.
 * </ul>
 *
 * Any other id is unknown: {@code GET /voices/{id}} answers it with 404.
 */
public final class FakeVoices {

  public static final int COUNT = 30;

  public static final String FIRST_ID = "694f9389-aac1-45b6-b726-9d9369183238";

  private static final List<String> LANGUAGES = List.of(
      "en", "fr", "de", "es", "pt", "zh", "ja", "hi", "it", "ko", "nl", "pl", "ru", "sv", "tr");
  private static final List<String> GENDERS = List.of("feminine", "masculine", "gender_neutral");
  private static final Instant FIRST_CREATED = Instant.parse("2024-11-13T00:00:00Z");
  private static final List<FakeVoice> ALL = catalogue();

  private FakeVoices() {}

  /** Every voice, in list order. */
  public static List<FakeVoice> all() {
    return ALL;
  }

  /** Voice {@code index} (from 0). */
  public static FakeVoice get(int index) {
    return ALL.get(index);
  }

  public static Optional<FakeVoice> byId(String id) {
    return ALL.stream().filter(voice -> voice.id().equals(id)).findFirst();
  }

  private static List<FakeVoice> catalogue() {
    List<FakeVoice> voices = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      String id = i == 0
          ? FIRST_ID
          : UUID.nameUUIDFromBytes(("fake-cartesia-voice-" + i).getBytes(StandardCharsets.UTF_8))
              .toString();
      voices.add(new FakeVoice(
          id,
          "Fake voice " + i,
          "Voice " + i + " of the fake Cartesia server",
          LANGUAGES.get(i % LANGUAGES.size()),
          FIRST_CREATED.plus(i, ChronoUnit.HOURS).toString(),
          i % 3 == 0,
          i % 4 == 0,
          GENDERS.get((i / 3) % 3)));
    }
    return List.copyOf(voices);
  }
}
