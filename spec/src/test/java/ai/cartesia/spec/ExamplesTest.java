package ai.cartesia.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in both documents validates against the schema it sits next to, the streaming
 * protocols and the main bodies all have examples, and the fact sheet's test vectors validate
 * too. A few broken payloads must fail, so that a validator that accepts everything is caught.
 */
class ExamplesTest {

  private static final Map<String, ExampleValidator> VALIDATORS = Map.of(
      SpecDocuments.CURRENT, new ExampleValidator(SpecDocuments.CURRENT),
      SpecDocuments.PREVIOUS, new ExampleValidator(SpecDocuments.PREVIOUS));

  /** One example found in a document: the value and the pointer of the schema it must satisfy. */
  record Example(String file, String where, String schemaPointer, JsonNode value) {}

  @TestFactory
  Stream<DynamicTest> everyExampleValidatesAgainstItsSchema() {
    List<Example> examples = new ArrayList<>();
    for (String file : List.of(SpecDocuments.CURRENT, SpecDocuments.PREVIOUS)) {
      collect(file, SpecDocuments.tree(file), "", examples);
    }
    assertThat(examples).hasSizeGreaterThan(40);
    return examples.stream()
        .map(example -> DynamicTest.dynamicTest(example.file() + "#" + example.where(), () -> {
          List<Error> errors =
              VALIDATORS.get(example.file()).validate(example.schemaPointer(), example.value());
          assertThat(errors)
              .as(
                  "example at %s#%s against %s",
                  example.file(), example.where(), example.schemaPointer())
              .isEmpty();
        }));
  }

  /** Finds schema examples ({@code example} on a schema), and media-type and parameter examples. */
  static void collect(String file, JsonNode node, String pointer, List<Example> out) {
    if (node.isObject()) {
      boolean hasSchema = node.has("schema") && node.get("schema").isObject();
      if (node.has("example")) {
        String target = hasSchema ? pointer + "/schema" : pointer;
        out.add(new Example(file, pointer + "/example", target, node.get("example")));
      }
      if (hasSchema && node.has("examples") && node.get("examples").isObject()) {
        node.get("examples").fields().forEachRemaining(e -> {
          if (e.getValue().has("value")) {
            out.add(new Example(
                file,
                pointer + "/examples/" + SpecDocuments.escape(e.getKey()) + "/value",
                pointer + "/schema",
                e.getValue().get("value")));
          }
        });
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("example") || field.getKey().equals("examples")) continue;
        collect(file, field.getValue(), pointer + "/" + SpecDocuments.escape(field.getKey()), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) collect(file, node.get(i), pointer + "/" + i, out);
    }
  }

  /** The schemas whose examples the project relies on (test vectors for the generated SDK). */
  private static final List<String> MUST_HAVE_EXAMPLES_BOTH = List.of(
      // every TTS WebSocket / SSE server message, and the union itself
      "WebSocketResponse",
      "WebSocketChunkResponse",
      "WebSocketFlushDoneResponse",
      "WebSocketDoneResponse",
      "WebSocketTimestampsResponse",
      "WebSocketErrorResponse",
      "WebSocketPhonemeTimestampsResponse",
      // the voice-changer stream (its variants are the chunk, done and error messages above)
      "StreamingResponse",
      // TTS WebSocket client messages
      "GenerationRequest",
      "CancelContextRequest",
      // main bodies
      "ApiInfo",
      "TokenRequest",
      "TokenResponse",
      "TTSRequest",
      "GetVoicesResponse",
      "Voice",
      "VoiceMetadata",
      "LocalizeVoiceRequest",
      "MixVoicesRequest",
      "EmbeddingResponse",
      "UpdateVoiceRequest",
      "CreateVoiceRequest");

  private static final List<String> MUST_HAVE_EXAMPLES_CURRENT_ONLY = List.of(
      "StreamingTranscriptionResponse",
      "TranscriptMessage",
      "FlushDoneMessage",
      "DoneMessage",
      "ErrorMessage",
      "TTSSSERequest",
      "TranscriptionResponse");

  @Test
  void streamingMessagesAndMainBodiesHaveExamples() {
    Set<String> missing = new TreeSet<>();
    JsonNode current =
        SpecDocuments.tree(SpecDocuments.CURRENT).path("components").path("schemas");
    JsonNode previous =
        SpecDocuments.tree(SpecDocuments.PREVIOUS).path("components").path("schemas");
    for (String name : MUST_HAVE_EXAMPLES_BOTH) {
      if (!current.path(name).has("example")) missing.add("2.0.6 " + name);
      if (!previous.path(name).has("example")) missing.add("2.0.4 " + name);
    }
    for (String name : MUST_HAVE_EXAMPLES_CURRENT_ONLY) {
      if (!current.path(name).has("example")) missing.add("2.0.6 " + name);
    }
    assertThat(missing).isEmpty();
  }

  // ------------------------------------------------------------------ fact sheet test vectors

  /** Payloads of the fact sheet (section 11) that are valid in 2.0.6, with the schema each must satisfy. */
  private static final List<String[]> VALID_CURRENT = List.of(
      new String[] {"WebSocketRequest", """
          {"model_id":"sonic-2","transcript":"Cartesia!","voice":{"mode":"id","id":"a0e99841-438c-4a64-b679-ae501e7d6091"},"language":"en","context_id":"happy-monkeys-fly","output_format":{"container":"raw","encoding":"pcm_s16le","sample_rate":8000},"add_timestamps":true,"continue":false}"""},
      new String[] {"WebSocketRequest", """
          {"model_id":"sonic-2","transcript":"","voice":{"mode":"id","id":"a0e99841-438c-4a64-b679-ae501e7d6091"},"language":"en","context_id":"ctx-2","output_format":{"container":"raw","encoding":"pcm_f32le","sample_rate":44100},"continue":true,"flush":true}"""},
      new String[] {"WebSocketRequest", """
          {"model_id":"sonic-2","transcript":"Bonjour tout le monde.","voice":{"mode":"embedding","embedding":[0.1,0.2,0.3],"__experimental_controls":{"speed":"slow","emotion":["positivity:high","curiosity"]}},"language":"fr","context_id":"ctx-3","output_format":{"container":"raw","encoding":"pcm_mulaw","sample_rate":8000},"speed":"normal","max_buffer_delay_ms":300,"add_phoneme_timestamps":true,"use_normalized_timestamps":true}"""},
      new String[] {"WebSocketRequest", """
          {"context_id":"happy-monkeys-fly","cancel":true}"""},
      new String[] {"WebSocketResponse", """
          {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":123.4,"context_id":"happy-monkeys-fly"}"""},
      // a server may still add flush_id to chunks; the open model keeps it
      new String[] {"WebSocketResponse", """
          {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":35.0,"context_id":"ctx-2","flush_id":1}"""},
      new String[] {"WebSocketResponse", """
          {"type":"flush_done","done":false,"flush_done":true,"flush_id":1,"status_code":206,"context_id":"ctx-2"}"""},
      new String[] {"WebSocketResponse", """
          {"type":"error","done":true,"status_code":400,"error":"Invalid voice ID","context_id":"ctx-9"}"""},
      // timestamps without word_timestamps, and a message without context_id
      new String[] {"WebSocketResponse", """
          {"type":"timestamps","done":false,"status_code":206,"context_id":"sse-1"}"""},
      new String[] {"WebSocketResponse", """
          {"type":"done","done":true,"status_code":206}"""},
      new String[] {"TTSSSERequest", """
          {"model_id":"sonic-2","transcript":"Hello, world!","voice":{"mode":"id","id":"694f9389-aac1-45b6-b726-9d9369183238"},"language":"en","output_format":{"container":"raw","encoding":"pcm_f32le","sample_rate":44100},"add_timestamps":true,"context_id":"sse-1"}"""},
      new String[] {"TTSRequest", """
          {"model_id":"sonic-2","transcript":"Hello, world!","voice":{"mode":"id","id":"694f9389-aac1-45b6-b726-9d9369183238"},"language":"en","output_format":{"container":"wav","sample_rate":44100,"encoding":"pcm_f32le"},"speed":"fast","duration":5.0}"""},
      new String[] {"StreamingResponse", """
          {"type":"done","done":true,"status_code":200}"""},
      new String[] {"StreamingResponse", """
          {"type":"error","done":true,"status_code":400,"error":"Unsupported audio format"}"""},
      new String[] {"StreamingTranscriptionResponse", """
          {"type":"transcript","request_id":"58dfa4d4-91c5-410c-8529-6824c8f7aedc","text":"","is_final":false,"duration":0.2,"language":"en","words":[]}"""},
      new String[] {"StreamingTranscriptionResponse", """
          {"type":"transcript","request_id":"b67e1c5d-2f4c-4c3d-9f82-96eb4d2f12a8","text":"How are you doing today?","is_final":true,"duration":0.8,"language":"en","words":[{"word":"How","start":0.0,"end":0.12},{"word":"today?","start":0.58,"end":0.78}]}"""},
      new String[] {"StreamingTranscriptionResponse", """
          {"type":"done","request_id":"b67e1c5d-2f4c-4c3d-9f82-96eb4d2f12a8"}"""},
      new String[] {"StreamingTranscriptionResponse", """
          {"type":"error","message":"Invalid encoding: pcm_u8"}"""},
      new String[] {"TokenRequest", """
          {"expires_in":60}"""},
      new String[] {"TokenRequest", """
          {"grants":{"stt":true}}"""});

  /** Payloads that must fail against 2.0.6, each for one reason. */
  private static final List<String[]> INVALID_CURRENT = List.of(
      new String[] {"WebSocketResponse", """
          {"type":"chunk","done":false,"status_code":206,"step_time":1.0}""", "chunk without data"},
      new String[] {"WebSocketResponse", """
          {"type":"flush_done","done":false,"status_code":206,"flush_done":true}""", "flush_done without flush_id"},
      new String[] {"WebSocketResponse", """
          {"type":"done","status_code":206}""", "done without done"},
      new String[] {"StreamingTranscriptionResponse", """
          {"type":"transcript","request_id":"r","text":"hi"}""", "transcript without is_final"},
      new String[] {"StreamingTranscriptionResponse", """
          {"type":"error","request_id":"r"}""", "error without message"},
      new String[] {"OutputFormat", """
          {"container":"mp3","sample_rate":44100}""", "mp3 without bit_rate"},
      new String[] {"TTSSSERequest", """
          {"model_id":"sonic-2","transcript":"x","voice":{"mode":"id","id":"v"},"output_format":{"container":"mp3","sample_rate":44100,"bit_rate":128000}}""", "SSE output must be raw"},
      new String[] {"TTSRequestVoiceSpecifier", """
          {"mode":"id","embedding":[0.1]}""", "mode id with an embedding only"},
      new String[] {"CancelContextRequest", """
          {"context_id":"c","cancel":false}""", "cancel must be true"},
      new String[] {"Emotion", "\"joy\"", "not an emotion"},
      new String[] {"Voice", """
          {"id":"v","is_owner":true,"name":"n","description":"d","created_at":"yesterday","language":"en"}""", "created_at is not a date-time"});

  /** 2.0.4 differences seen from the outside. */
  private static final List<String[]> VALID_PREVIOUS = List.of(
      new String[] {"WebSocketResponse", """
          {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":35.0,"context_id":"ctx-2","flush_id":1}"""},
      new String[] {"TokenRequest", """
          {"grants":{"tts":true},"expires_in":60}"""},
      // in 2.0.4 /tts/sse takes a TTSRequest, so any container is accepted
      new String[] {"TTSRequest", """
          {"model_id":"sonic-2","transcript":"Hello, world!","voice":{"mode":"id","id":"694f9389-aac1-45b6-b726-9d9369183238"},"output_format":{"container":"mp3","sample_rate":44100,"bit_rate":128000}}"""});

  private static final List<String[]> INVALID_PREVIOUS = List.of(
      new String[] {"TokenRequest", """
          {"expires_in":60}""", "grants are required in 2.0.4"},
      new String[] {"TokenRequest", """
          {"grants":{"stt":true}}""", "the tts grant is required in 2.0.4"},
      new String[] {"WebSocketResponse", """
          {"type":"chunk","data":"AAAAAAAAAAA=","done":false,"status_code":206,"step_time":1.0,"flush_id":"one"}""", "flush_id is an integer in 2.0.4"});

  @TestFactory
  Stream<DynamicTest> factSheetVectors() {
    List<DynamicTest> tests = new ArrayList<>();
    addValid(tests, SpecDocuments.CURRENT, VALID_CURRENT);
    addInvalid(tests, SpecDocuments.CURRENT, INVALID_CURRENT);
    addValid(tests, SpecDocuments.PREVIOUS, VALID_PREVIOUS);
    addInvalid(tests, SpecDocuments.PREVIOUS, INVALID_PREVIOUS);
    return tests.stream();
  }

  private static void addValid(List<DynamicTest> tests, String file, List<String[]> vectors) {
    for (String[] vector : vectors) {
      tests.add(DynamicTest.dynamicTest(
          "valid in " + file + ": " + vector[0] + " " + vector[1].strip(),
          () -> assertThat(VALIDATORS
                  .get(file)
                  .validate(ExampleValidator.schema(vector[0]), vector[1].strip()))
              .as("%s against %s in %s", vector[1].strip(), vector[0], file)
              .isEmpty()));
    }
  }

  private static void addInvalid(List<DynamicTest> tests, String file, List<String[]> vectors) {
    for (String[] vector : vectors) {
      tests.add(DynamicTest.dynamicTest(
          "invalid in " + file + ": " + vector[2],
          () -> assertThat(VALIDATORS
                  .get(file)
                  .validate(ExampleValidator.schema(vector[0]), vector[1].strip()))
              .as("%s (%s) against %s in %s", vector[1].strip(), vector[2], vector[0], file)
              .isNotEmpty()));
    }
  }
}
