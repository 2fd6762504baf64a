package ai.cartesia.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake's voices: a computable catalogue, cursor paging both ways, filters, expansions and 404. */
@Timeout(30)
class FakeVoicesTest {

  private final FakeCartesiaServer fake = FakeCartesiaServer.start();
  private final FakeHttp http = new FakeHttp(fake);

  @AfterEach
  void stop() {
    fake.close();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("data").forEach(voice -> ids.add(voice.path("id").asText()));
    return ids;
  }

  @Test
  void pagingForwardWithTheLastIdVisitsEveryVoiceOnce() {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    while (true) {
      JsonNode page = http.get(
              "voices?limit=7" + (cursor == null ? "" : "&starting_after=" + cursor))
          .json();
      pages++;
      seen.addAll(ids(page));
      if (!page.path("has_more").asBoolean()) {
        assertThat(page.has("next_page")).isFalse();
        break;
      }
      cursor = seen.get(seen.size() - 1);
      assertThat(page.path("next_page").asText()).isEqualTo(cursor);
    }
    assertThat(pages).isEqualTo(5); // 30 voices, 7 a page
    assertThat(seen)
        .isEqualTo(FakeVoices.all().stream().map(FakeVoice::id).collect(Collectors.toList()));
  }

  @Test
  void pagingBackwardGivesTheVoicesBeforeTheCursor() {
    JsonNode page =
        http.get("voices?limit=4&ending_before=" + FakeVoices.get(10).id()).json();
    assertThat(ids(page))
        .containsExactly(
            FakeVoices.get(6).id(),
            FakeVoices.get(7).id(),
            FakeVoices.get(8).id(),
            FakeVoices.get(9).id());
    assertThat(page.path("has_more").asBoolean()).isTrue();
    JsonNode first =
        http.get("voices?limit=4&ending_before=" + FakeVoices.get(3).id()).json();
    assertThat(ids(first)).hasSize(3).startsWith(FakeVoices.FIRST_ID);
    assertThat(first.path("has_more").asBoolean()).isFalse();
  }

  @Test
  void filtersAndExpansionsFollowTheCatalogue() {
    JsonNode mine =
        http.get("voices?is_owner=true&limit=100&expand[]=is_starred").json();
    List<FakeVoice> owned =
        FakeVoices.all().stream().filter(FakeVoice::isOwner).collect(Collectors.toList());
    assertThat(owned).hasSize(10);
    assertThat(ids(mine)).isEqualTo(owned.stream().map(FakeVoice::id).collect(Collectors.toList()));
    for (int i = 0; i < owned.size(); i++) {
      JsonNode voice = mine.path("data").get(i);
      assertThat(voice.path("is_starred").asBoolean()).isEqualTo(owned.get(i).isStarred());
      assertThat(voice.has("embedding")).isFalse();
    }
    assertThat(mine.path("has_more").asBoolean()).isFalse();

    JsonNode neutral = http.get(
            "voices?gender=gender_neutral&is_starred=true&limit=100&expand[]=embedding")
        .json();
    List<FakeVoice> expected = FakeVoices.all().stream()
        .filter(v -> v.gender().equals("gender_neutral") && v.isStarred())
        .collect(Collectors.toList());
    assertThat(expected).isNotEmpty();
    assertThat(ids(neutral))
        .isEqualTo(expected.stream().map(FakeVoice::id).collect(Collectors.toList()));
    JsonNode embedding = neutral.path("data").get(0).path("embedding");
    assertThat(embedding).hasSize(FakeVoice.EMBEDDING_LENGTH);
    assertThat(embedding.get(5).asDouble()).isEqualTo(expected.get(0).embedding()[5]);
  }

  @Test
  void aVoiceIsServedByIdAndAnUnknownIdIs404() {
    FakeVoice voice = FakeVoices.get(4);
    JsonNode json = http.get("voices/" + voice.id()).json();
    assertThat(json.path("name").asText()).isEqualTo("Fake voice 4").isEqualTo(voice.name());
    assertThat(json.path("language").asText()).isEqualTo("pt");
    assertThat(json.path("created_at").asText()).isEqualTo("2024-11-13T04:00:00Z");
    assertThat(json.path("is_owner").asBoolean()).isFalse();
    assertThat(json.path("description").asText()).isEqualTo(voice.description());

    FakeHttp.Answer missing = http.get("voices/no-such-voice");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("error_code").asText()).isEqualTo("not_found");
    assertThat(missing.json().path("message").asText()).contains("no-such-voice");
  }

  @Test
  void badPagingParametersAre400() {
    assertThat(http.get("voices?limit=0").status()).isEqualTo(400);
    assertThat(http.get("voices?limit=101").status()).isEqualTo(400);
    assertThat(http.get("voices?starting_after=nobody").status()).isEqualTo(400);
    assertThat(http.get("voices?starting_after=" + FakeVoices.FIRST_ID + "&ending_before="
                + FakeVoices.get(5).id())
            .status())
        .isEqualTo(400);
    assertThat(http.get("voices?expand[]=everything").status()).isEqualTo(400);
  }
}
