package ai.cartesia.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The surface of the fact sheet (shared/cartesia-api.md), item by item: operations, schemas,
 * fields with their required flags, enums, unions, parameters and multipart forms. The 2.0.4
 * expectations are the 2.0.6 ones with the differences of the seed diff applied, so this file is
 * also the executable list of those differences.
 */
@PinnedFacts(
    update =
        "spec/src/test/java/ai/cartesia/spec/FactSheetChecklistTest.java (its expected paths, fields and unions)")
class FactSheetChecklistTest {

  // ------------------------------------------------------------------ operations

  /** method path operationId, for 2.0.6 (section 2 of the fact sheet, plus the two channels). */
  static final Set<String> OPERATIONS_CURRENT = Set.of(
      "GET / api_status_get",
      "POST /access-token auth_access_token",
      "POST /infill/bytes infill_bytes",
      "POST /stt stt_transcribe",
      "POST /tts/bytes tts_bytes",
      "POST /tts/sse tts_sse",
      "POST /voice-changer/bytes voice_changer_bytes",
      "POST /voice-changer/sse voice_changer_sse",
      "GET /voices/ voices_list",
      "POST /voices/clone voices_clone",
      "DELETE /voices/{id} voices_delete",
      "PATCH /voices/{id} voices_update",
      "GET /voices/{id} voices_get",
      "POST /voices/localize voices_localize",
      "POST /voices/mix voices_mix",
      "POST /voices/ voices_create",
      "GET /tts/websocket tts_websocket",
      "GET /stt/websocket stt_websocket");

  static final Set<String> STT_OPERATIONS =
      Set.of("POST /stt stt_transcribe", "GET /stt/websocket stt_websocket");

  static final Set<String> TAGS =
      Set.of("api_status", "auth", "tts", "stt", "voice_changer", "voices", "infill");

  // ------------------------------------------------------------------ schemas

  /**
   * Object schemas: property names in order, {@code *} marks a required one. Properties inherited
   * through {@code allOf} are included.
   */
  static final Map<String, String> OBJECTS_CURRENT = new LinkedHashMap<>();

  static {
    Map<String, String> o = OBJECTS_CURRENT;
    o.put("ApiInfo", "ok* version*");
    o.put("TokenGrant", "tts stt");
    o.put("TokenRequest", "grants expires_in");
    o.put("TokenResponse", "token*");
    o.put("TTSRequest", "model_id* transcript* voice* language output_format* duration speed");
    o.put(
        "TTSSSERequest",
        "model_id* transcript* voice* language output_format* duration speed add_timestamps "
            + "add_phoneme_timestamps use_normalized_timestamps context_id");
    o.put("TTSRequestIdSpecifier", "mode* id* __experimental_controls");
    o.put("TTSRequestEmbeddingSpecifier", "mode* embedding* __experimental_controls");
    o.put("Controls", "speed* emotion*");
    o.put("RawOutputFormat", "container* encoding* sample_rate* bit_rate");
    o.put("WAVOutputFormat", "container* encoding* sample_rate* bit_rate");
    o.put("MP3OutputFormat", "container* sample_rate* bit_rate*");
    o.put("SSEOutputFormat", "container* encoding* sample_rate*");
    o.put("WebSocketRawOutputFormat", "container* encoding* sample_rate*");
    o.put(
        "GenerationRequest",
        "model_id* transcript* voice* language output_format* duration speed context_id "
            + "continue max_buffer_delay_ms flush add_timestamps add_phoneme_timestamps use_normalized_timestamps");
    o.put("CancelContextRequest", "context_id* cancel*");
    o.put(
        "WebSocketTTSRequest",
        "model_id* output_format transcript voice* duration language add_timestamps "
            + "add_phoneme_timestamps use_normalized_timestamps continue context_id max_buffer_delay_ms speed");
    o.put("WebSocketBaseResponse", "context_id status_code* done*");
    o.put("WebSocketChunkResponse", "context_id status_code* done* type* data* step_time*");
    o.put(
        "WebSocketFlushDoneResponse", "context_id status_code* done* type* flush_id* flush_done*");
    o.put("WebSocketDoneResponse", "context_id status_code* done* type*");
    o.put("WebSocketTimestampsResponse", "context_id status_code* done* type* word_timestamps");
    // `error` is optional on purpose: newer API versions send `title` and `message` instead.
    o.put("WebSocketErrorResponse", "context_id status_code* done* type* error title message");
    o.put(
        "WebSocketPhonemeTimestampsResponse",
        "context_id status_code* done* type* phoneme_timestamps");
    o.put("WordTimestamps", "words* start* end*");
    o.put("PhonemeTimestamps", "phonemes* start* end*");
    o.put("TranscriptionWord", "word* start* end*");
    o.put("TranscriptionResponse", "text* language duration words");
    o.put("TranscriptMessage", "type* request_id* text* is_final* duration language words");
    o.put("FlushDoneMessage", "type* request_id*");
    o.put("DoneMessage", "type* request_id*");
    o.put("ErrorMessage", "type* request_id message*");
    o.put("Voice", "id* is_owner* name* description* created_at* embedding is_starred language*");
    o.put("VoiceMetadata", "id* user_id* is_public* name* description* created_at* language*");
    o.put("GetVoicesResponse", "data* has_more* next_page");
    o.put("CreateVoiceRequest", "name* description* embedding* language base_voice_id");
    o.put("UpdateVoiceRequest", "name* description*");
    o.put(
        "LocalizeVoiceRequest",
        "voice_id* name* description* language* original_speaker_gender* dialect");
    o.put("EmbeddingResponse", "embedding*");
    o.put("MixVoicesRequest", "voices*");
    o.put("IdSpecifier", "id* weight*");
    o.put("EmbeddingSpecifier", "embedding* weight*");
    o.put("Dataset", "id* name* created_at*");
    o.put("CreateDatasetRequest", "name*");
    o.put("DatasetFile", "id* filename* created_at*");
    o.put("PaginatedDatasets", "data* has_more*");
    o.put("PaginatedDatasetFiles", "data* has_more*");
  }

  /** Enum schemas and their values, in order (section 9 of the fact sheet). */
  static final Map<String, List<String>> ENUMS_CURRENT = new LinkedHashMap<>();

  static {
    Map<String, List<String>> e = ENUMS_CURRENT;
    e.put(
        "SupportedLanguage",
        List.of(
            "en", "fr", "de", "es", "pt", "zh", "ja", "hi", "it", "ko", "nl", "pl", "ru", "sv",
            "tr"));
    e.put("RawEncoding", List.of("pcm_f32le", "pcm_s16le", "pcm_mulaw", "pcm_alaw"));
    e.put(
        "STTEncoding",
        List.of("pcm_s16le", "pcm_s32le", "pcm_f16le", "pcm_f32le", "pcm_mulaw", "pcm_alaw"));
    e.put("ModelSpeed", List.of("slow", "normal", "fast"));
    e.put("NaturalSpecifier", List.of("slowest", "slow", "normal", "fast", "fastest"));
    List<String> emotions = new ArrayList<>();
    for (String emotion : List.of("anger", "positivity", "surprise", "sadness", "curiosity")) {
      emotions.addAll(List.of(
          emotion + ":lowest", emotion + ":low", emotion, emotion + ":high", emotion + ":highest"));
    }
    e.put("Emotion", List.copyOf(emotions));
    e.put("TimestampGranularity", List.of("word"));
    e.put("OutputFormatContainer", List.of("raw", "wav", "mp3"));
    e.put("CloneMode", List.of("similarity", "stability"));
    e.put("GenderPresentation", List.of("masculine", "feminine", "gender_neutral"));
    e.put("Gender", List.of("male", "female"));
    e.put("VoiceExpandOptions", List.of("embedding", "is_starred"));
    e.put(
        "LocalizeTargetLanguage",
        List.of(
            "en", "de", "es", "fr", "ja", "pt", "zh", "hi", "it", "ko", "nl", "pl", "ru", "sv",
            "tr"));
    e.put("LocalizeEnglishDialect", List.of("au", "in", "so", "uk", "us"));
    e.put("LocalizeSpanishDialect", List.of("mx", "pe"));
    e.put("LocalizePortugueseDialect", List.of("br", "eu"));
    e.put("LocalizeFrenchDialect", List.of("eu", "ca"));
    e.put("LocalizeDialect", List.of("au", "in", "so", "uk", "us", "mx", "pe", "br", "eu", "ca"));
    e.put("FilePurpose", List.of("fine_tune"));
  }

  /** Aliases of a primitive or array type. */
  static final Map<String, String> ALIASES = Map.of(
      "ContextID", "string",
      "FlushID", "integer",
      "VoiceId", "string",
      "BaseVoiceId", "string",
      "Embedding", "array",
      "Weight", "number",
      "NumericalSpecifier", "number");

  /** Discriminated unions: union -> property, then tag -> variant. */
  static final Map<String, Map<String, String>> TAGGED_CURRENT = new LinkedHashMap<>();

  static {
    TAGGED_CURRENT.put(
        "OutputFormat",
        orderedMap(
            "container",
            "raw",
            "RawOutputFormat",
            "wav",
            "WAVOutputFormat",
            "mp3",
            "MP3OutputFormat"));
    TAGGED_CURRENT.put(
        "WebSocketResponse",
        orderedMap(
            "type",
            "chunk",
            "WebSocketChunkResponse",
            "flush_done",
            "WebSocketFlushDoneResponse",
            "done",
            "WebSocketDoneResponse",
            "timestamps",
            "WebSocketTimestampsResponse",
            "error",
            "WebSocketErrorResponse",
            "phoneme_timestamps",
            "WebSocketPhonemeTimestampsResponse"));
    TAGGED_CURRENT.put(
        "StreamingTranscriptionResponse",
        orderedMap(
            "type",
            "transcript",
            "TranscriptMessage",
            "flush_done",
            "FlushDoneMessage",
            "done",
            "DoneMessage",
            "error",
            "ErrorMessage"));
    TAGGED_CURRENT.put(
        "StreamingResponse",
        orderedMap(
            "type",
            "chunk",
            "WebSocketChunkResponse",
            "done",
            "WebSocketDoneResponse",
            "error",
            "WebSocketErrorResponse"));
  }

  /** Undiscriminated unions and their variants, in order. */
  static final Map<String, List<String>> UNTAGGED = Map.of(
      "TTSRequestVoiceSpecifier", List.of("TTSRequestIdSpecifier", "TTSRequestEmbeddingSpecifier"),
      "Speed", List.of("NumericalSpecifier", "NaturalSpecifier"),
      "MixVoiceSpecifier", List.of("IdSpecifier", "EmbeddingSpecifier"),
      "WebSocketRequest", List.of("GenerationRequest", "CancelContextRequest"));

  static final Set<String> STT_SCHEMAS = Set.of(
      "STTEncoding",
      "TimestampGranularity",
      "TranscriptionWord",
      "TranscriptionResponse",
      "StreamingTranscriptionResponse",
      "TranscriptMessage",
      "FlushDoneMessage",
      "DoneMessage",
      "ErrorMessage");

  /** The 2.0.4 objects: the 2.0.6 ones with the seed's differences undone. */
  static Map<String, String> objectsPrevious() {
    Map<String, String> o = new LinkedHashMap<>(OBJECTS_CURRENT);
    o.keySet().removeAll(STT_SCHEMAS);
    o.remove("TTSSSERequest");
    o.remove("SSEOutputFormat");
    o.put("TokenGrant", "tts*");
    o.put("TokenRequest", "grants* expires_in");
    o.put(
        "GenerationRequest",
        o.get("GenerationRequest").replace("use_normalized_timestamps", "use_original_timestamps"));
    o.put(
        "WebSocketTTSRequest",
        "model_id* output_format transcript voice* duration language add_timestamps "
            + "use_original_timestamps add_phoneme_timestamps continue context_id max_buffer_delay_ms speed");
    o.put(
        "WebSocketChunkResponse", "context_id status_code* done* type* data* step_time* flush_id");
    return o;
  }

  static Map<String, List<String>> enumsPrevious() {
    Map<String, List<String>> e = new LinkedHashMap<>(ENUMS_CURRENT);
    e.keySet().removeAll(STT_SCHEMAS);
    return e;
  }

  static Map<String, Map<String, String>> taggedPrevious() {
    Map<String, Map<String, String>> t = new LinkedHashMap<>(TAGGED_CURRENT);
    t.remove("StreamingTranscriptionResponse");
    return t;
  }

  // ------------------------------------------------------------------ tests

  @ParameterizedTest
  @ValueSource(strings = {SpecDocuments.CURRENT, SpecDocuments.PREVIOUS})
  void operationsAreExactlyTheFactSheetOnes(String file) {
    JsonNode root = SpecDocuments.tree(file);
    Set<String> expected = new TreeSet<>(OPERATIONS_CURRENT);
    if (file.equals(SpecDocuments.PREVIOUS)) expected.removeAll(STT_OPERATIONS);
    Set<String> actual = new TreeSet<>();
    Set<String> declaredTags = new TreeSet<>();
    root.path("tags").forEach(tag -> {
      declaredTags.add(tag.path("name").asText());
      assertThat(tag.path("description").asText())
          .as("description of tag %s", tag.path("name"))
          .isNotBlank();
    });
    List<String> problems = new ArrayList<>();
    forEachOperation(root, (method, path, op) -> {
      String id = op.path("operationId").asText();
      actual.add(method.toUpperCase() + " " + path + " " + id);
      JsonNode tags = op.path("tags");
      if (tags.size() != 1) {
        problems.add(id + ": needs exactly one tag");
        return;
      }
      String tag = tags.get(0).asText();
      if (!id.startsWith(tag + "_")) problems.add(id + ": does not start with its tag " + tag);
      if (!declaredTags.contains(tag))
        problems.add(id + ": tag " + tag + " is not declared at the top level");
      if (op.path("summary").asText().isBlank()
          || op.path("description").asText().isBlank()) {
        problems.add(id + ": needs a summary and a description");
      }
      boolean websocket = op.has("x-websocket");
      boolean referencesVersion = false;
      for (JsonNode p : op.path("parameters")) {
        if ("#/components/parameters/CartesiaVersion".equals(p.path("$ref").asText()))
          referencesVersion = true;
      }
      if (!websocket && !referencesVersion)
        problems.add(id + ": does not send the Cartesia-Version header");
      if (websocket) {
        if (!op.path("responses").has("101")) problems.add(id + ": a channel answers 101");
        if (!"ApiKeyQuery".equals(op.path("security").path(0).fieldNames().next())) {
          problems.add(id + ": a channel authenticates with the api_key query parameter");
        }
        boolean version = false;
        for (JsonNode p : op.path("parameters")) {
          if (p.path("name").asText().equals("cartesia_version")) {
            version = p.path("required").asBoolean()
                && p.path("schema").path("enum").size() == 1
                && p.path("schema").path("enum").get(0).asText().equals("2024-11-13");
          }
        }
        if (!version) problems.add(id + ": a channel sends cartesia_version=2024-11-13");
      }
    });
    assertThat(actual).isEqualTo(expected);
    Set<String> expectedTags = new TreeSet<>(TAGS);
    if (file.equals(SpecDocuments.PREVIOUS)) expectedTags.remove("stt");
    assertThat(declaredTags).isEqualTo(expectedTags);
    assertThat(problems).isEmpty();
    // Only the status check is open; everything else uses the global header key.
    assertThat(root.path("security").path(0).has("ApiKeyHeader")).isTrue();
    assertThat(root.path("paths").path("/").path("get").path("security").isArray())
        .isTrue();
    assertThat(root.path("paths").path("/").path("get").path("security").size()).isZero();
    JsonNode version = root.path("components").path("parameters").path("CartesiaVersion");
    assertThat(version.path("name").asText()).isEqualTo("Cartesia-Version");
    assertThat(version.path("in").asText()).isEqualTo("header");
    assertThat(version.path("schema").path("enum").toString()).isEqualTo("[\"2024-11-13\"]");
    assertThat(root.path("components")
            .path("securitySchemes")
            .path("ApiKeyHeader")
            .path("name")
            .asText())
        .isEqualTo("X-API-Key");
    assertThat(root.path("components")
            .path("securitySchemes")
            .path("ApiKeyQuery")
            .path("name")
            .asText())
        .isEqualTo("api_key");
  }

  @ParameterizedTest
  @ValueSource(strings = {SpecDocuments.CURRENT, SpecDocuments.PREVIOUS})
  void schemasAreExactlyTheFactSheetOnes(String file) {
    boolean current = file.equals(SpecDocuments.CURRENT);
    JsonNode schemas = SpecDocuments.tree(file).path("components").path("schemas");
    Map<String, String> objects = current ? OBJECTS_CURRENT : objectsPrevious();
    Map<String, List<String>> enums = current ? ENUMS_CURRENT : enumsPrevious();
    Map<String, Map<String, String>> tagged = current ? TAGGED_CURRENT : taggedPrevious();

    Set<String> expected = new TreeSet<>();
    expected.addAll(objects.keySet());
    expected.addAll(enums.keySet());
    expected.addAll(ALIASES.keySet());
    expected.addAll(tagged.keySet());
    expected.addAll(UNTAGGED.keySet());
    assertThat(names(schemas)).isEqualTo(expected);

    Map<String, String> actualObjects = new TreeMap<>();
    for (String name : objects.keySet())
      actualObjects.put(name, propertyLine(schemas, schemas.path(name)));
    assertThat(actualObjects).isEqualTo(new TreeMap<>(objects));

    for (var entry : enums.entrySet()) {
      JsonNode schema = schemas.path(entry.getKey());
      assertThat(schema.path("type").asText()).as(entry.getKey()).isEqualTo("string");
      List<String> values = new ArrayList<>();
      schema.path("enum").forEach(v -> values.add(v.asText()));
      assertThat(values).as("values of %s", entry.getKey()).isEqualTo(entry.getValue());
    }

    for (var entry : ALIASES.entrySet()) {
      assertThat(schemas.path(entry.getKey()).path("type").asText())
          .as(entry.getKey())
          .isEqualTo(entry.getValue());
    }
    assertThat(schemas.path("Embedding").path("items").path("type").asText()).isEqualTo("number");

    for (var entry : tagged.entrySet()) {
      JsonNode union = schemas.path(entry.getKey());
      Iterator<Map.Entry<String, String>> mapping = entry.getValue().entrySet().iterator();
      String property = mapping.next().getValue();
      assertThat(union.path("discriminator").path("propertyName").asText())
          .as(entry.getKey())
          .isEqualTo(property);
      Map<String, String> actualMapping = new LinkedHashMap<>();
      union
          .path("discriminator")
          .path("mapping")
          .fields()
          .forEachRemaining(m -> actualMapping.put(
              m.getKey(), m.getValue().asText().replace("#/components/schemas/", "")));
      Map<String, String> expectedMapping = new LinkedHashMap<>();
      mapping.forEachRemaining(m -> expectedMapping.put(m.getKey(), m.getValue()));
      assertThat(actualMapping).as("mapping of %s", entry.getKey()).isEqualTo(expectedMapping);
      assertThat(refs(union.path("oneOf")))
          .as("variants of %s", entry.getKey())
          .containsExactlyElementsOf(expectedMapping.values());
      // Every variant declares its tag as a single-value string enum and requires it.
      for (var variant : expectedMapping.entrySet()) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        collect(schemas, schemas.path(variant.getValue()), properties, required);
        JsonNode tag = properties.get(property);
        assertThat(tag).as("%s declares %s", variant.getValue(), property).isNotNull();
        assertThat(tag.path("type").asText()).isEqualTo("string");
        assertThat(tag.path("enum").toString())
            .as("%s.%s", variant.getValue(), property)
            .isEqualTo("[\"" + variant.getKey() + "\"]");
        assertThat(required).as("%s requires %s", variant.getValue(), property).contains(property);
      }
    }

    for (var entry : UNTAGGED.entrySet()) {
      JsonNode union = schemas.path(entry.getKey());
      assertThat(union.has("discriminator"))
          .as("%s has no discriminator", entry.getKey())
          .isFalse();
      assertThat(refs(union.path("oneOf")))
          .as("variants of %s", entry.getKey())
          .containsExactlyElementsOf(entry.getValue());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SpecDocuments.CURRENT, SpecDocuments.PREVIOUS})
  void fieldTypesAndWireDetails(String file) {
    JsonNode s = SpecDocuments.tree(file).path("components").path("schemas");
    // literal fields
    assertThat(s.path("TTSRequestIdSpecifier")
            .path("properties")
            .path("mode")
            .path("enum")
            .toString())
        .isEqualTo("[\"id\"]");
    assertThat(s.path("TTSRequestEmbeddingSpecifier")
            .path("properties")
            .path("mode")
            .path("enum")
            .toString())
        .isEqualTo("[\"embedding\"]");
    assertThat(s.path("CancelContextRequest")
            .path("properties")
            .path("cancel")
            .path("enum")
            .toString())
        .isEqualTo("[true]");
    assertThat(s.path("WebSocketRawOutputFormat")
            .path("properties")
            .path("container")
            .path("enum")
            .toString())
        .isEqualTo("[\"raw\"]");
    // types that matter to the generated code
    assertThat(
            ref(s.path("TTSRequestIdSpecifier").path("properties").path("__experimental_controls")))
        .isEqualTo("Controls");
    assertThat(ref(s.path("TTSRequest").path("properties").path("output_format")))
        .isEqualTo("OutputFormat");
    assertThat(ref(s.path("GenerationRequest").path("properties").path("output_format")))
        .isEqualTo("WebSocketRawOutputFormat");
    assertThat(ref(s.path("WebSocketTTSRequest").path("properties").path("output_format")))
        .isEqualTo("OutputFormat");
    assertThat(s.path("WebSocketTTSRequest")
            .path("properties")
            .path("duration")
            .path("type")
            .asText())
        .isEqualTo("integer");
    assertThat(s.path("WebSocketTTSRequest")
            .path("properties")
            .path("language")
            .path("type")
            .asText())
        .isEqualTo("string");
    assertThat(s.path("GenerationRequest")
            .path("properties")
            .path("duration")
            .path("type")
            .asText())
        .isEqualTo("number");
    assertThat(s.path("GenerationRequest")
            .path("properties")
            .path("continue")
            .path("default")
            .asBoolean(true))
        .isFalse();
    assertThat(s.path("GenerationRequest")
            .path("properties")
            .path("max_buffer_delay_ms")
            .path("maximum")
            .asInt())
        .isEqualTo(1000);
    assertThat(s.path("TokenRequest")
            .path("properties")
            .path("expires_in")
            .path("maximum")
            .asInt())
        .isEqualTo(3600);
    assertThat(
            s.path("Voice").path("properties").path("created_at").path("format").asText())
        .isEqualTo("date-time");
    assertThat(ref(s.path("LocalizeVoiceRequest").path("properties").path("dialect")))
        .isEqualTo("LocalizeDialect");
    assertThat(ref(s.path("LocalizeVoiceRequest").path("properties").path("language")))
        .isEqualTo("LocalizeTargetLanguage");
    assertThat(
            ref(s.path("LocalizeVoiceRequest").path("properties").path("original_speaker_gender")))
        .isEqualTo("Gender");
    assertThat(ref(s.path("CreateVoiceRequest").path("properties").path("base_voice_id")))
        .isEqualTo("BaseVoiceId");
    assertThat(s.path("GetVoicesResponse")
            .path("properties")
            .path("next_page")
            .path("deprecated")
            .asBoolean())
        .isTrue();
    JsonNode chunkOwn = s.path("WebSocketChunkResponse").path("allOf").path(1).path("properties");
    assertThat(chunkOwn.path("data").path("format").asText()).isEqualTo("byte");
    assertThat(chunkOwn.path("step_time").path("type").asText()).isEqualTo("number");
    assertThat(ref(s.path("WebSocketChunkResponse").path("allOf").path(0)))
        .isEqualTo("WebSocketBaseResponse");
    if (file.equals(SpecDocuments.CURRENT)) {
      assertThat(ref(s.path("TTSSSERequest").path("properties").path("output_format")))
          .isEqualTo("SSEOutputFormat");
      assertThat(s.path("SSEOutputFormat")
              .path("properties")
              .path("container")
              .path("enum")
              .toString())
          .isEqualTo("[\"raw\"]");
      assertThat(ref(s.path("TTSSSERequest").path("properties").path("context_id")))
          .isEqualTo("ContextID");
      assertThat(s.path("ErrorMessage").path("required").toString()).doesNotContain("request_id");
    } else {
      assertThat(ref(chunkOwn.path("flush_id"))).isEqualTo("FlushID");
      assertThat(ref(s.path("TokenRequest").path("properties").path("grants")))
          .isEqualTo("TokenGrant");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SpecDocuments.CURRENT, SpecDocuments.PREVIOUS})
  void requestAndResponseBodies(String file) {
    JsonNode paths = SpecDocuments.tree(file).path("paths");
    boolean current = file.equals(SpecDocuments.CURRENT);
    assertThat(jsonResponse(paths, "/", "get")).isEqualTo("ApiInfo");
    assertThat(jsonRequest(paths, "/access-token", "post")).isEqualTo("TokenRequest");
    assertThat(jsonResponse(paths, "/access-token", "post")).isEqualTo("TokenResponse");
    assertThat(jsonRequest(paths, "/tts/bytes", "post")).isEqualTo("TTSRequest");
    assertThat(jsonRequest(paths, "/tts/sse", "post"))
        .isEqualTo(current ? "TTSSSERequest" : "TTSRequest");
    assertThat(jsonRequest(paths, "/voices/", "post")).isEqualTo("CreateVoiceRequest");
    assertThat(jsonResponse(paths, "/voices/", "post")).isEqualTo("Voice");
    assertThat(jsonResponse(paths, "/voices/", "get")).isEqualTo("GetVoicesResponse");
    assertThat(jsonResponse(paths, "/voices/{id}", "get")).isEqualTo("Voice");
    assertThat(jsonRequest(paths, "/voices/{id}", "patch")).isEqualTo("UpdateVoiceRequest");
    assertThat(jsonResponse(paths, "/voices/{id}", "patch")).isEqualTo("Voice");
    assertThat(jsonRequest(paths, "/voices/localize", "post")).isEqualTo("LocalizeVoiceRequest");
    assertThat(jsonResponse(paths, "/voices/localize", "post")).isEqualTo("VoiceMetadata");
    assertThat(jsonRequest(paths, "/voices/mix", "post")).isEqualTo("MixVoicesRequest");
    assertThat(jsonResponse(paths, "/voices/mix", "post")).isEqualTo("EmbeddingResponse");
    assertThat(jsonResponse(paths, "/voices/clone", "post")).isEqualTo("VoiceMetadata");
    // DELETE answers with an empty body
    JsonNode delete = paths.path("/voices/{id}").path("delete").path("responses");
    assertThat(delete.path("204").has("content")).isFalse();
    // binary audio
    for (String path : List.of("/tts/bytes", "/voice-changer/bytes", "/infill/bytes")) {
      JsonNode schema = paths
          .path(path)
          .path("post")
          .path("responses")
          .path("200")
          .path("content")
          .path("application/octet-stream")
          .path("schema");
      assertThat(schema.path("type").asText() + "/" + schema.path("format").asText())
          .as(path)
          .isEqualTo("string/binary");
    }
    // streams
    assertThat(ref(paths
            .path("/tts/sse")
            .path("post")
            .path("responses")
            .path("200")
            .path("content")
            .path("text/event-stream")
            .path("schema")))
        .isEqualTo("WebSocketResponse");
    JsonNode vcSse = paths.path("/voice-changer/sse").path("post");
    assertThat(ref(vcSse
            .path("responses")
            .path("200")
            .path("content")
            .path("text/event-stream")
            .path("schema")))
        .isEqualTo("StreamingResponse");
    assertThat(vcSse.path("x-stream-framing").asText()).isEqualTo("sse-or-ndjson");
    // channels
    JsonNode tts = paths.path("/tts/websocket").path("get").path("x-websocket");
    assertThat(ref(tts.path("send"))).isEqualTo("WebSocketRequest");
    assertThat(ref(tts.path("receive"))).isEqualTo("WebSocketResponse");
    assertThat(tts.path("multiplexBy").asText()).isEqualTo("context_id");
    assertThat(tts.has("binary")).isFalse();
    if (current) {
      JsonNode stt = paths.path("/stt/websocket").path("get").path("x-websocket");
      assertThat(stt.has("send")).isFalse();
      assertThat(ref(stt.path("receive"))).isEqualTo("StreamingTranscriptionResponse");
      assertThat(stt.has("multiplexBy")).isFalse();
      assertThat(stt.path("binary").asBoolean()).isTrue();
      assertThat(stt.path("textCommands").toString()).isEqualTo("[\"finalize\",\"done\"]");
      assertThat(jsonResponse(paths, "/stt", "post")).isEqualTo("TranscriptionResponse");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SpecDocuments.CURRENT, SpecDocuments.PREVIOUS})
  void parametersAndForms(String file) {
    JsonNode paths = SpecDocuments.tree(file).path("paths");
    boolean current = file.equals(SpecDocuments.CURRENT);

    Map<String, String> list = parameters(paths.path("/voices/").path("get"));
    assertThat(list)
        .isEqualTo(orderedMap(
            null,
            "Cartesia-Version",
            "header*",
            "limit",
            "query integer",
            "starting_after",
            "query string",
            "ending_before",
            "query string",
            "is_owner",
            "query boolean",
            "is_starred",
            "query boolean",
            "gender",
            "query GenderPresentation",
            "expand[]",
            "query array<VoiceExpandOptions>"));
    for (JsonNode p : paths.path("/voices/").path("get").path("parameters")) {
      if (p.path("name").asText().equals("expand[]")) {
        assertThat(p.path("style").asText()).isEqualTo("form");
        assertThat(p.path("explode").asBoolean()).isTrue();
      }
      if (p.path("name").asText().equals("limit")) {
        assertThat(p.path("schema").path("default").asInt()).isEqualTo(10);
        assertThat(p.path("schema").path("minimum").asInt()).isEqualTo(1);
        assertThat(p.path("schema").path("maximum").asInt()).isEqualTo(100);
      }
    }
    JsonNode pagination = paths.path("/voices/").path("get").path("x-pagination");
    assertThat(pagination.path("cursorParam").asText()).isEqualTo("starting_after");
    assertThat(pagination.path("itemsField").asText()).isEqualTo("data");
    assertThat(pagination.path("hasMoreField").asText()).isEqualTo("has_more");
    assertThat(pagination.path("itemIdField").asText()).isEqualTo("id");
    assertThat(pagination.path("nextCursorField").asText()).isEqualTo("next_page");
    assertThat(
            paths.path("/voices/{id}").path("parameters").path(0).path("name").asText())
        .isEqualTo("id");
    assertThat(paths.path("/voices/{id}").path("parameters").path(0).path("in").asText())
        .isEqualTo("path");

    String outputFormat =
        "output_format[container]* OutputFormatContainer, output_format[sample_rate]* integer, "
            + "output_format[encoding] RawEncoding, output_format[bit_rate] integer";
    String voiceChanger = "clip* binary, voice[id]* string, " + outputFormat;
    assertThat(form(paths.path("/voice-changer/bytes").path("post"))).isEqualTo(voiceChanger);
    assertThat(form(paths.path("/voice-changer/sse").path("post"))).isEqualTo(voiceChanger);
    assertThat(form(paths.path("/infill/bytes").path("post")))
        .isEqualTo(
            "left_audio binary, right_audio binary, model_id* string, language* string, transcript* string, "
                + "voice_id* string, " + outputFormat
                + ", voice[__experimental_controls][speed] Speed, "
                + "voice[__experimental_controls][emotion][] array<Emotion>");
    assertThat(form(paths.path("/voices/clone").path("post")))
        .isEqualTo(
            "clip* binary, name* string, description string, language* SupportedLanguage, mode* CloneMode, "
                + "enhance boolean, base_voice_id VoiceId");

    if (current) {
      assertThat(parameters(paths.path("/stt").path("post")))
          .isEqualTo(orderedMap(
              null,
              "Cartesia-Version",
              "header*",
              "encoding",
              "query STTEncoding",
              "sample_rate",
              "query integer"));
      assertThat(form(paths.path("/stt").path("post")))
          .isEqualTo(
              "file* binary, model* string, language string, timestamp_granularities[] array<TimestampGranularity>");
      assertThat(parameters(paths.path("/stt/websocket").path("get")))
          .isEqualTo(orderedMap(
              null,
              "model",
              "query* string",
              "language",
              "query string",
              "encoding",
              "query* STTEncoding",
              "sample_rate",
              "query* integer",
              "min_volume",
              "query number",
              "max_silence_duration_secs",
              "query number",
              "cartesia_version",
              "query* string"));
    }
  }

  /** Every schema, property, parameter and operation says what it is. */
  @ParameterizedTest
  @ValueSource(strings = {SpecDocuments.CURRENT, SpecDocuments.PREVIOUS})
  void everythingIsDocumented(String file) {
    JsonNode root = SpecDocuments.tree(file);
    JsonNode schemas = root.path("components").path("schemas");
    List<String> undocumented = new ArrayList<>();
    schemas.fields().forEachRemaining(e -> {
      if (e.getValue().path("description").asText().isBlank())
        undocumented.add("schema " + e.getKey());
      checkProperties(schemas, e.getValue(), "schema " + e.getKey(), undocumented);
    });
    forEachOperation(root, (method, path, op) -> {
      String where = method + " " + path;
      for (JsonNode p : op.path("parameters")) {
        if (!p.has("$ref") && p.path("description").asText().isBlank())
          undocumented.add(where + " parameter " + p.path("name").asText());
      }
      op.path("requestBody")
          .path("content")
          .fields()
          .forEachRemaining(media -> checkProperties(
              schemas, media.getValue().path("schema"), where + " body", undocumented));
      op.path("responses").fields().forEachRemaining(r -> {
        if (!r.getValue().has("$ref")
            && r.getValue().path("description").asText().isBlank())
          undocumented.add(where + " response " + r.getKey());
      });
    });
    root.path("paths")
        .fields()
        .forEachRemaining(p -> p.getValue().path("parameters").forEach(param -> {
          if (param.path("description").asText().isBlank())
            undocumented.add(p.getKey() + " parameter " + param.path("name").asText());
        }));
    assertThat(undocumented).isEmpty();
  }

  /** The seed diff's description changes: the timestamp flags now say they default to false. */
  @Test
  void descriptionsChangeWhereTheSeedChangesThem() {
    JsonNode current =
        SpecDocuments.tree(SpecDocuments.CURRENT).path("components").path("schemas");
    JsonNode previous =
        SpecDocuments.tree(SpecDocuments.PREVIOUS).path("components").path("schemas");
    for (String schema : List.of("GenerationRequest", "WebSocketTTSRequest")) {
      for (String flag : List.of("add_timestamps", "add_phoneme_timestamps")) {
        assertThat(current
                .path(schema)
                .path("properties")
                .path(flag)
                .path("description")
                .asText())
            .as("2.0.6 %s.%s", schema, flag)
            .containsIgnoringCase("default");
        assertThat(previous
                .path(schema)
                .path("properties")
                .path(flag)
                .path("description")
                .asText())
            .as("2.0.4 %s.%s", schema, flag)
            .doesNotContainIgnoringCase("default");
      }
    }
    assertThat(current
            .path("TTSSSERequest")
            .path("properties")
            .path("add_timestamps")
            .path("description")
            .asText())
        .containsIgnoringCase("default");
  }

  // ------------------------------------------------------------------ helpers

  interface OperationVisitor {
    void visit(String method, String path, JsonNode operation);
  }

  static void forEachOperation(JsonNode root, OperationVisitor visitor) {
    root.path("paths")
        .fields()
        .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
          if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
              .contains(op.getKey())) {
            visitor.visit(op.getKey(), path.getKey(), op.getValue());
          }
        }));
  }

  private static void checkProperties(
      JsonNode schemas, JsonNode schema, String where, List<String> out) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    collect(schemas, schema, properties, new LinkedHashSet<>(), false);
    properties.forEach((name, property) -> {
      JsonNode described = property.has("$ref") ? schemas.path(ref(property)) : property;
      if (described.path("description").asText().isBlank()) out.add(where + " property " + name);
    });
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String propertyLine(JsonNode schemas, JsonNode schema) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    collect(schemas, schema, properties, required);
    List<String> parts = new ArrayList<>();
    properties.keySet().forEach(p -> parts.add(required.contains(p) ? p + "*" : p));
    return String.join(" ", parts);
  }

  static void collect(
      JsonNode schemas, JsonNode schema, Map<String, JsonNode> properties, Set<String> required) {
    collect(schemas, schema, properties, required, true);
  }

  /** Properties and required names of a schema, through {@code allOf} and (when asked) references. */
  private static void collect(
      JsonNode schemas,
      JsonNode schema,
      Map<String, JsonNode> properties,
      Set<String> required,
      boolean followRefs) {
    if (schema.has("$ref")) {
      if (followRefs) collect(schemas, schemas.path(ref(schema)), properties, required, true);
      return;
    }
    schema.path("allOf").forEach(part -> collect(schemas, part, properties, required, true));
    schema
        .path("properties")
        .fields()
        .forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
    schema.path("required").forEach(r -> required.add(r.asText()));
  }

  private static String form(JsonNode operation) {
    JsonNode schema = operation
        .path("requestBody")
        .path("content")
        .path("multipart/form-data")
        .path("schema");
    Set<String> required = new LinkedHashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    List<String> parts = new ArrayList<>();
    schema
        .path("properties")
        .fields()
        .forEachRemaining(p -> parts.add(p.getKey() + (required.contains(p.getKey()) ? "*" : "")
            + " " + typeName(p.getValue())));
    return String.join(", ", parts);
  }

  private static Map<String, String> parameters(JsonNode operation) {
    Map<String, String> result = new LinkedHashMap<>();
    for (JsonNode p : operation.path("parameters")) {
      if (p.has("$ref")) {
        result.put("Cartesia-Version", "header*");
        continue;
      }
      result.put(
          p.path("name").asText(),
          p.path("in").asText() + (p.path("required").asBoolean() ? "*" : "") + " "
              + typeName(p.path("schema")));
    }
    return result;
  }

  private static String typeName(JsonNode schema) {
    if (schema.has("$ref")) return ref(schema);
    if ("binary".equals(schema.path("format").asText())) return "binary";
    if ("array".equals(schema.path("type").asText()))
      return "array<" + typeName(schema.path("items")) + ">";
    return schema.path("type").asText();
  }

  private static String jsonRequest(JsonNode paths, String path, String method) {
    return ref(paths
        .path(path)
        .path(method)
        .path("requestBody")
        .path("content")
        .path("application/json")
        .path("schema"));
  }

  private static String jsonResponse(JsonNode paths, String path, String method) {
    return ref(paths
        .path(path)
        .path(method)
        .path("responses")
        .path("200")
        .path("content")
        .path("application/json")
        .path("schema"));
  }

  static String ref(JsonNode node) {
    String ref = node.path("$ref").asText();
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static List<String> refs(JsonNode array) {
    List<String> refs = new ArrayList<>();
    array.forEach(node -> refs.add(ref(node)));
    return refs;
  }

  /** An insertion-ordered map from alternating keys and values; a non-null {@code first} is stored under the key "". */
  private static Map<String, String> orderedMap(String first, String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    if (first != null) map.put("", first);
    for (int i = 0; i < keysAndValues.length; i += 2)
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    return map;
  }
}
