package ai.cartesia;

import static ai.cartesia.WireSupport.VOICE_ID;
import static ai.cartesia.WireSupport.assertFilePart;
import static ai.cartesia.WireSupport.authenticated;
import static ai.cartesia.WireSupport.bytes;
import static ai.cartesia.WireSupport.client;
import static ai.cartesia.WireSupport.onlyRequest;
import static ai.cartesia.WireSupport.partNames;
import static ai.cartesia.WireSupport.requests;
import static ai.cartesia.WireSupport.text;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cartesia.core.errors.ApiException;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.http.FileUpload;
import ai.cartesia.core.pagination.CursorPager;
import ai.cartesia.model.CloneMode;
import ai.cartesia.model.CreateVoiceRequest;
import ai.cartesia.model.EmbeddingResponse;
import ai.cartesia.model.EmbeddingSpecifier;
import ai.cartesia.model.Gender;
import ai.cartesia.model.GenderPresentation;
import ai.cartesia.model.GetVoicesResponse;
import ai.cartesia.model.IdSpecifier;
import ai.cartesia.model.LocalizeDialect;
import ai.cartesia.model.LocalizeTargetLanguage;
import ai.cartesia.model.LocalizeVoiceRequest;
import ai.cartesia.model.MixVoiceSpecifier;
import ai.cartesia.model.MixVoicesRequest;
import ai.cartesia.model.SupportedLanguage;
import ai.cartesia.model.UpdateVoiceRequest;
import ai.cartesia.model.Voice;
import ai.cartesia.model.VoiceExpandOptions;
import ai.cartesia.model.VoiceMetadata;
import ai.cartesia.model.VoicesCloneRequest;
import ai.cartesia.model.VoicesListRequest;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The eight voice operations, and the cursor pagination of the list. */
@Timeout(30)
class VoicesOperationsTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String CREATED_AT = "2024-11-13T07:06:22.476564Z";

  private static String voiceJson(String id, String name) {
    return "{\"id\":\"" + id + "\",\"is_owner\":false,\"name\":\"" + name
        + "\",\"description\":\"A soft, calm voice\","
        + "\"created_at\":\"" + CREATED_AT
        + "\",\"language\":\"en\",\"embedding\":[0.1,0.2],\"is_starred\":true,"
        + "\"accent\":\"american\"}";
  }

  private static String page(boolean hasMore, String nextPage, String... ids) {
    List<String> voices = new ArrayList<>();
    for (String id : ids) voices.add(voiceJson(id, "Voice " + id));
    return "{\"data\":[" + String.join(",", voices) + "],\"has_more\":" + hasMore
        + (nextPage == null ? "" : ",\"next_page\":\"" + nextPage + "\"") + ",\"total\":5}";
  }

  private static MappingBuilder json(MappingBuilder mapping, String body) {
    return mapping.willReturn(
        aResponse().withHeader("Content-Type", "application/json").withBody(body));
  }

  private static void assertVoice(Voice voice, String id, String name) {
    assertThat(voice.id()).isEqualTo(id);
    assertThat(voice.name()).isEqualTo(name);
    assertThat(voice.isOwner()).isFalse();
    assertThat(voice.description()).isEqualTo("A soft, calm voice");
    assertThat(voice.createdAt()).isEqualTo(OffsetDateTime.parse(CREATED_AT));
    assertThat(voice.language()).isEqualTo(SupportedLanguage.EN);
    assertThat(voice.embedding()).contains(List.of(0.1, 0.2));
    assertThat(voice.isStarred()).contains(true);
    assertThat(voice.additionalProperties()).containsOnlyKeys("accent");
    assertThat(voice.additionalProperties().get("accent").asText()).isEqualTo("american");
  }

  private static VoicesListRequest listRequest() {
    return VoicesListRequest.builder()
        .limit(2L)
        .gender(GenderPresentation.FEMININE)
        .isOwner(false)
        .expand(List.of(VoiceExpandOptions.EMBEDDING, VoiceExpandOptions.IS_STARRED))
        .build();
  }

  // ---------------------------------------------------------------- list

  @Test
  void listPageSendsEveryFilterAndReturnsOnePage() {
    server.stubFor(json(get(urlPathEqualTo("/voices/")), page(true, "v2", "v1", "v2")));

    GetVoicesResponse page = client(server)
        .voices()
        .listPage(listRequest().toBuilder().isStarred(true).endingBefore("v9").build());

    assertThat(page.data()).hasSize(2);
    assertVoice(page.data().get(0), "v1", "Voice v1");
    assertThat(page.hasMore()).isTrue();
    assertThat(page.nextPage()).contains("v2");
    assertThat(page.additionalProperties()).containsOnlyKeys("total");
    server.verify(
        1,
        authenticated(getRequestedFor(urlPathEqualTo("/voices/")))
            .withQueryParam("limit", equalTo("2"))
            .withQueryParam("gender", equalTo("feminine"))
            .withQueryParam("is_owner", equalTo("false"))
            .withQueryParam("is_starred", equalTo("true"))
            .withQueryParam("ending_before", equalTo("v9"))
            .withQueryParam("starting_after", absent())
            .withQueryParam("expand[]", havingExactly("embedding", "is_starred")));
    LoggedRequest request = onlyRequest(server);
    assertThat(request.getUrl())
        .matches("/voices/\\?.*expand(\\[\\]|%5B%5D)=embedding&expand(\\[\\]|%5B%5D)=is_starred.*");
  }

  @Test
  void listWithoutFiltersSendsNoQuery() {
    server.stubFor(json(get(urlPathEqualTo("/voices/")), page(false, null)));

    GetVoicesResponse page = client(server).voices().listPage();

    assertThat(page.data()).isEmpty();
    assertThat(page.hasMore()).isFalse();
    assertThat(page.nextPage()).isEmpty();
    assertThat(onlyRequest(server).getUrl()).isEqualTo("/voices/");
  }

  @Test
  void listIteratesAcrossThreePagesWithTheLastIdAsCursor() {
    // next_page is deprecated; the documented cursor is the last id, so next_page is made to
    // differ.
    server.stubFor(json(
        get(urlPathEqualTo("/voices/")).withQueryParam("starting_after", absent()),
        page(true, "deprecated-1", "v1", "v2")));
    server.stubFor(json(
        get(urlPathEqualTo("/voices/")).withQueryParam("starting_after", equalTo("v2")),
        page(true, "deprecated-2", "v3", "v4")));
    server.stubFor(json(
        get(urlPathEqualTo("/voices/")).withQueryParam("starting_after", equalTo("v4")),
        page(false, "stale", "v5")));

    List<String> ids = new ArrayList<>();
    for (Voice voice : client(server).voices().list(listRequest())) {
      assertVoice(voice, voice.id(), "Voice " + voice.id());
      ids.add(voice.id());
    }

    assertThat(ids).containsExactly("v1", "v2", "v3", "v4", "v5");
    List<LoggedRequest> requests = requests(server);
    assertThat(requests).hasSize(3);
    assertThat(requests)
        .extracting(r -> r.queryParameter("starting_after").isPresent()
            ? r.queryParameter("starting_after").firstValue()
            : null)
        .containsExactly(null, "v2", "v4");
    for (LoggedRequest request : requests) {
      assertThat(request.queryParameter("limit").values()).containsExactly("2");
      assertThat(request.queryParameter("gender").values()).containsExactly("feminine");
      assertThat(request.queryParameter("is_owner").values()).containsExactly("false");
      assertThat(request.queryParameter("expand[]").values())
          .containsExactly("embedding", "is_starred");
      assertThat(request.getHeader("X-API-Key")).isEqualTo(WireSupport.API_KEY);
    }
  }

  /** CursorPager's documentation: "fetching the next page only when iteration reaches it". */
  @Test
  void listFetchesPagesOnlyAsIterationReachesThem() {
    server.stubFor(json(
        get(urlPathEqualTo("/voices/")).withQueryParam("starting_after", absent()),
        page(true, null, "v1", "v2")));
    server.stubFor(json(
        get(urlPathEqualTo("/voices/")).withQueryParam("starting_after", equalTo("v2")),
        page(true, null, "v3", "v4")));

    CursorPager<GetVoicesResponse, Voice> pager = client(server).voices().list(listRequest());
    assertThat(requests(server)).isEmpty();
    var items = pager.iterator();
    assertThat(items.next().id()).isEqualTo("v1");
    assertThat(requests(server)).as("requests after the first voice").hasSize(1);
    assertThat(items.next().id()).isEqualTo("v2");
    assertThat(requests(server))
        .as("requests after the last voice of the first page")
        .hasSize(1);
    assertThat(items.next().id()).isEqualTo("v3");
    assertThat(requests(server)).hasSize(2);
  }

  @Test
  void listStopsOnAnEmptyPageEvenIfItClaimsMore() {
    server.stubFor(json(
        get(urlPathEqualTo("/voices/")).withQueryParam("starting_after", absent()),
        page(true, null, "v1")));
    server.stubFor(json(
        get(urlPathEqualTo("/voices/")).withQueryParam("starting_after", equalTo("v1")),
        page(true, "v1")));

    assertThat(client(server).voices().list(listRequest()).toList())
        .extracting(Voice::id)
        .containsExactly("v1");
    assertThat(requests(server)).hasSize(2);
  }

  // ---------------------------------------------------------------- one voice

  @Test
  void getReadsOneVoice() {
    server.stubFor(json(get("/voices/" + VOICE_ID), voiceJson(VOICE_ID, "Sarah")));

    Voice voice = client(server).voices().get(VOICE_ID);

    assertVoice(voice, VOICE_ID, "Sarah");
    server.verify(1, authenticated(getRequestedFor(urlEqualTo("/voices/" + VOICE_ID))));
  }

  @Test
  void aSuccessThatCannotBeDecodedIsAnSdkExceptionAndIsNotRetried() {
    server.stubFor(json(get("/voices/broken"), "{\"id\":\"broken\",\"name\":"));
    server.stubFor(json(get("/voices/partial"), "{\"id\":\"partial\",\"is_owner\":true}"));
    Cartesia client = Cartesia.builder()
        .apiKey(WireSupport.API_KEY)
        .baseUrl(server.baseUrl())
        .build(); // retries on

    SdkException malformed =
        catchThrowableOfType(() -> client.voices().get("broken"), SdkException.class);
    SdkException incomplete =
        catchThrowableOfType(() -> client.voices().get("partial"), SdkException.class);

    assertThat(malformed)
        .isNotNull()
        .isNotInstanceOf(TransportException.class)
        .isNotInstanceOf(ApiException.class);
    assertThat(malformed.getMessage()).contains("GET /voices/broken");
    assertThat(incomplete).isNotNull().isNotInstanceOf(TransportException.class);
    assertThat(incomplete.getMessage()).contains("GET /voices/partial").contains("name");
    assertThat(requests(server)).hasSize(2);
  }

  @Test
  void theIdIsEncodedAsOnePathSegment() {
    server.stubFor(json(get(urlPathEqualTo("/voices/a%20b%2Fc%3Fd")), voiceJson("a b/c?d", "Odd")));

    Voice voice = client(server).voices().get("a b/c?d");

    assertThat(voice.id()).isEqualTo("a b/c?d");
    assertThat(onlyRequest(server).getUrl()).isEqualTo("/voices/a%20b%2Fc%3Fd");
  }

  @Test
  void updatePatchesNameAndDescription() {
    server.stubFor(json(patch("/voices/" + VOICE_ID), voiceJson(VOICE_ID, "Sarah 2")));

    Voice voice = client(server)
        .voices()
        .update(
            VOICE_ID,
            UpdateVoiceRequest.builder()
                .name("Sarah 2")
                .description("A soft, calm voice")
                .build());

    assertVoice(voice, VOICE_ID, "Sarah 2");
    server.verify(
        1,
        authenticated(patchRequestedFor(urlEqualTo("/voices/" + VOICE_ID)))
            .withHeader("Content-Type", matching("application/json.*"))
            .withRequestBody(
                equalToJson("{\"name\":\"Sarah 2\",\"description\":\"A soft, calm voice\"}")));
  }

  @Test
  void deleteAcceptsNoContentAndAnEmptyOk() {
    server.stubFor(delete("/voices/v-204").willReturn(aResponse().withStatus(204)));
    server.stubFor(delete("/voices/v-200").willReturn(aResponse().withStatus(200)));
    Cartesia client = client(server);

    client.voices().delete("v-204");
    client.voices().delete("v-200");

    server.verify(1, authenticated(deleteRequestedFor(urlEqualTo("/voices/v-204"))));
    server.verify(1, authenticated(deleteRequestedFor(urlEqualTo("/voices/v-200"))));
  }

  // ---------------------------------------------------------------- new voices

  @Test
  void createPostsTheEmbedding() {
    server.stubFor(json(post("/voices/"), voiceJson("new-1", "Mine")));

    Voice voice = client(server)
        .voices()
        .create(CreateVoiceRequest.builder()
            .name("Mine")
            .description("A soft, calm voice")
            .embedding(List.of(0.1, 0.2, 0.3))
            .language(SupportedLanguage.EN)
            .baseVoiceId(VOICE_ID)
            .build());

    assertVoice(voice, "new-1", "Mine");
    server.verify(
        1,
        authenticated(postRequestedFor(urlEqualTo("/voices/"))).withRequestBody(equalToJson("""
            {"name":"Mine","description":"A soft, calm voice","embedding":[0.1,0.2,0.3],"language":"en",
             "base_voice_id":"694f9389-aac1-45b6-b726-9d9369183238"}
            """)));
  }

  private static final String METADATA = """
      {"id":"df076429-66c6-4f3e-b98b-aee4e2c925ab","user_id":"482aa35e-d86c-42a4-b818-7bdcfe40a858","is_public":false,
       "name":"A high-stability cloned voice","description":"Copied from Cartesia docs",
       "created_at":"2024-11-13T07:06:22.476564Z","language":"en","quality":"high"}
      """;

  private static void assertMetadata(VoiceMetadata metadata) {
    assertThat(metadata.id()).isEqualTo("df076429-66c6-4f3e-b98b-aee4e2c925ab");
    assertThat(metadata.userId()).isEqualTo("482aa35e-d86c-42a4-b818-7bdcfe40a858");
    assertThat(metadata.isPublic()).isFalse();
    assertThat(metadata.name()).isEqualTo("A high-stability cloned voice");
    assertThat(metadata.description()).isEqualTo("Copied from Cartesia docs");
    assertThat(metadata.createdAt()).isEqualTo(OffsetDateTime.parse(CREATED_AT));
    assertThat(metadata.language()).isEqualTo(SupportedLanguage.EN);
    assertThat(metadata.additionalProperties()).containsOnlyKeys("quality");
  }

  @Test
  void cloneUploadsTheClipAndTheFields() {
    byte[] clip = bytes(80_000, 41);
    server.stubFor(json(post("/voices/clone"), METADATA));

    VoiceMetadata metadata = client(server)
        .voices()
        .cloneValue(VoicesCloneRequest.builder()
            .clip(FileUpload.of(clip, "me.wav"))
            .name("A high-stability cloned voice")
            .description("Copied from Cartesia docs")
            .language(SupportedLanguage.EN)
            .mode(CloneMode.STABILITY)
            .enhance(true)
            .baseVoiceId(VOICE_ID)
            .build());

    assertMetadata(metadata);
    server.verify(1, authenticated(postRequestedFor(urlEqualTo("/voices/clone"))));
    LoggedRequest request = onlyRequest(server);
    assertThat(partNames(request))
        .containsExactlyInAnyOrder(
            "clip", "name", "description", "language", "mode", "enhance", "base_voice_id");
    assertFilePart(request, "clip", "me.wav", clip);
    assertThat(text(request, "name")).isEqualTo("A high-stability cloned voice");
    assertThat(text(request, "description")).isEqualTo("Copied from Cartesia docs");
    assertThat(text(request, "language")).isEqualTo("en");
    assertThat(text(request, "mode")).isEqualTo("stability");
    assertThat(text(request, "enhance")).isEqualTo("true");
    assertThat(text(request, "base_voice_id")).isEqualTo(VOICE_ID);
  }

  @Test
  void cloneWithOnlyTheRequiredFieldsFromAStream() {
    byte[] clip = bytes(9_000, 42);
    server.stubFor(json(post("/voices/clone"), METADATA));

    client(server)
        .voices()
        .cloneValue(VoicesCloneRequest.builder()
            .clip(FileUpload.of(new ByteArrayInputStream(clip), "stream.wav"))
            .name("n")
            .language(SupportedLanguage.of("xx"))
            .mode(CloneMode.SIMILARITY)
            .build());

    LoggedRequest request = onlyRequest(server);
    assertThat(partNames(request)).containsExactlyInAnyOrder("clip", "name", "language", "mode");
    assertFilePart(request, "clip", "stream.wav", clip);
    assertThat(text(request, "language")).isEqualTo("xx");
    assertThat(text(request, "mode")).isEqualTo("similarity");
  }

  @Test
  void localizePostsTheRequest() {
    server.stubFor(json(post("/voices/localize"), METADATA));

    VoiceMetadata metadata = client(server)
        .voices()
        .localize(LocalizeVoiceRequest.builder()
            .voiceId(VOICE_ID)
            .name("Sarah Peninsular Spanish")
            .description("Sarah Voice in Peninsular Spanish")
            .language(LocalizeTargetLanguage.ES)
            .originalSpeakerGender(Gender.FEMALE)
            .dialect(LocalizeDialect.PE)
            .build());

    assertMetadata(metadata);
    server.verify(
        1,
        authenticated(postRequestedFor(urlEqualTo("/voices/localize")))
            .withRequestBody(equalToJson("""
            {"voice_id":"694f9389-aac1-45b6-b726-9d9369183238","name":"Sarah Peninsular Spanish",
             "description":"Sarah Voice in Peninsular Spanish","language":"es","original_speaker_gender":"female",
             "dialect":"pe"}
            """)));
  }

  @Test
  void mixPostsIdsAndEmbeddingsWithWeights() {
    server.stubFor(json(post("/voices/mix"), "{\"embedding\":[0.25,-0.5,1.0],\"model\":\"m\"}"));

    EmbeddingResponse response = client(server)
        .voices()
        .mix(MixVoicesRequest.builder()
            .voices(List.<MixVoiceSpecifier>of(
                IdSpecifier.builder().id(VOICE_ID).weight(0.6).build(),
                EmbeddingSpecifier.builder()
                    .embedding(List.of(0.1, 0.2))
                    .weight(0.4)
                    .build()))
            .build());

    assertThat(response.embedding()).containsExactly(0.25, -0.5, 1.0);
    assertThat(response.additionalProperties()).containsOnlyKeys("model");
    server.verify(
        1,
        authenticated(postRequestedFor(urlEqualTo("/voices/mix")))
            .withRequestBody(equalToJson("""
            {"voices":[{"id":"694f9389-aac1-45b6-b726-9d9369183238","weight":0.6},{"embedding":[0.1,0.2],"weight":0.4}]}
            """)));
  }
}
