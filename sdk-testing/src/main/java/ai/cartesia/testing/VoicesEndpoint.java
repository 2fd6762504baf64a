package ai.cartesia.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;

/**
 * The fake's voices: {@code GET /voices} pages through {@link FakeVoices} with the API's query
 * parameters ({@code limit} 1-100, default 10; {@code starting_after} / {@code ending_before};
 * the filters {@code is_owner}, {@code is_starred}, {@code gender}; {@code expand[]} of {@code
 * embedding} and {@code is_starred}); {@code GET /voices/{id}} gives one voice, or 404.
 */
final class VoicesEndpoint {

  private static final Set<String> EXPANSIONS = Set.of("embedding", "is_starred");
  private static final Set<String> GENDERS = Set.of("feminine", "masculine", "gender_neutral");

  private VoicesEndpoint() {}

  static MockResponse list(HttpUrl url) {
    try {
      int limit = limit(url.queryParameter("limit"));
      Boolean owner = flag(url, "is_owner");
      Boolean starred = flag(url, "is_starred");
      String gender = url.queryParameter("gender");
      if (gender != null && !GENDERS.contains(gender))
        throw new IllegalArgumentException("gender must be one of " + GENDERS);
      Set<String> expand = Set.copyOf(url.queryParameterValues("expand[]"));
      if (!EXPANSIONS.containsAll(expand))
        throw new IllegalArgumentException("expand[] takes " + EXPANSIONS + ", not " + expand);
      List<FakeVoice> matching = FakeVoices.all().stream()
          .filter(voice -> owner == null || voice.isOwner() == owner)
          .filter(voice -> starred == null || voice.isStarred() == starred)
          .filter(voice -> gender == null || voice.gender().equals(gender))
          .collect(Collectors.toList());
      VoicePage page = VoicePage.of(
          matching,
          limit,
          url.queryParameter("starting_after"),
          url.queryParameter("ending_before"));
      ObjectNode body = Json.object();
      ArrayNode data = body.putArray("data");
      page.items().forEach(voice -> data.add(voice(voice, expand)));
      body.put("has_more", page.hasMore());
      if (page.nextPage() != null) body.put("next_page", page.nextPage());
      return HttpAnswers.json(200, Json.write(body));
    } catch (IllegalArgumentException e) {
      return HttpAnswers.error(400, e.getMessage());
    }
  }

  static MockResponse get(String id) {
    return FakeVoices.byId(id)
        .map(voice -> HttpAnswers.json(200, Json.write(voice(voice, Set.of()))))
        .orElseGet(() -> HttpAnswers.error(404, "Voice not found: " + id));
  }

  private static ObjectNode voice(FakeVoice voice, Set<String> expand) {
    ObjectNode json = Json.object();
    json.put("id", voice.id());
    json.put("is_owner", voice.isOwner());
    json.put("name", voice.name());
    json.put("description", voice.description());
    json.put("created_at", voice.createdAt());
    json.put("language", voice.language());
    if (expand.contains("embedding")) {
      ArrayNode embedding = json.putArray("embedding");
      for (double value : voice.embedding()) embedding.add(value);
    }
    if (expand.contains("is_starred")) json.put("is_starred", voice.isStarred());
    return json;
  }

  private static int limit(String text) {
    if (text == null) return 10;
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= 100) return limit;
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new IllegalArgumentException("limit must be a whole number from 1 to 100, not " + text);
  }

  private static Boolean flag(HttpUrl url, String name) {
    String text = url.queryParameter(name);
    if (text == null) return null;
    if (text.equals("true") || text.equals("false")) return Boolean.valueOf(text);
    throw new IllegalArgumentException(name + " must be true or false, not " + text);
  }
}
