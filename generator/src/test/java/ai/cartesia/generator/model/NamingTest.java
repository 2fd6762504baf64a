package ai.cartesia.generator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

  @ParameterizedTest
  @CsvSource({
    "TTSRequest, TtsRequest",
    "TTSSSERequest, TtssseRequest",
    "MP3OutputFormat, Mp3OutputFormat",
    "WAVOutputFormat, WavOutputFormat",
    "ContextID, ContextId",
    "web-socket response, WebSocketResponse",
    "voice_changer, VoiceChanger",
    "3d model, _3dModel",
    "Café, Cafe",
    "Error, ErrorModel",
    "List, ListModel",
  })
  void typeNames(String raw, String expected) {
    assertThat(Naming.typeName(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "model_id, modelId",
    "__experimental_controls, experimentalControls",
    "continue, continueValue",
    "class, classValue",
    "timestamp_granularities[], timestampGranularities",
    "output_format[container], outputFormatContainer",
    "X-API-Key, xApiKey",
    "hashCode, hashCodeValue",
    "2fa, _2fa",
  })
  void memberNames(String raw, String expected) {
    assertThat(Naming.memberName(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "pcm_f32le, PCM_F32LE",
    "positivity:high, POSITIVITY_HIGH",
    "gender_neutral, GENDER_NEUTRAL",
    "8000, _8000",
    "'', EMPTY",
  })
  void constantNames(String raw, String expected) {
    assertThat(Naming.constantName(raw)).isEqualTo(expected);
  }

  @Test
  void aScopeKeepsNamesThatDifferOnlyInCaseApart() {
    Naming.Scope scope = new Naming.Scope();
    assertThat(scope.claim("FooBar")).isEqualTo("FooBar");
    assertThat(scope.claim("Foobar")).isEqualTo("Foobar2");
    assertThat(scope.claim("FooBar")).isEqualTo("FooBar3");
  }
}
