package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.ws.FrameDecoder;
import ai.cartesia.internal.StreamDecoders;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketResponse;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast chunk decoder (base64 straight into bytes) gives exactly what plain data binding
 * gives, for every shape a frame can take; where one fails, so does the other.
 */
class StreamDecodersTest {

  private static final String AUDIO = audio();
  private static final FrameDecoder<WebSocketResponse> FAST =
      StreamDecoders.webSocketResponse(Json.mapper());
  private static final FrameDecoder<WebSocketResponse> GENERAL =
      FrameDecoder.json(Json.mapper(), WebSocketResponse.class);

  private static String audio() {
    byte[] bytes = new byte[3_000];
    new Random(5).nextBytes(bytes);
    String base64 = Base64.getEncoder().encodeToString(bytes);
    if (!base64.contains("/"))
      throw new IllegalStateException("the test needs a '/' in the base64");
    return base64;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":false,\"status_code\":206,\"step_time\":1.5,\"context_id\":\"c\"}",
        "{\"data\":\"@\",\"done\":false,\"status_code\":206,\"step_time\":1.5,\"context_id\":\"c\",\"type\":\"chunk\"}",
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":false,\"status_code\":206,\"step_time\":1.5}",
        "  {\n  \"type\" : \"chunk\" ,\n  \"data\" :\t\"@\" ,\r\n  \"done\" : false, \"status_code\" : 206, \"step_time\" : 1.5 }  ",
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":false,\"status_code\":206,\"step_time\":1.5,\"flush_id\":3,\"extra\":{\"data\":\"x\",\"list\":[1,{\"a\":\"}\"}]}}",
        "{\"type\":\"chunk\",\"data\":\"ESCAPED\",\"done\":false,\"status_code\":206,\"step_time\":1.5}",
        "{\"type\":\"chunk\",\"data\":\"@\",\"data\":\"AAAA\",\"done\":false,\"status_code\":206,\"step_time\":1.5}",
        "{\"type\":\"chunk\",\"data\":\"\",\"done\":false,\"status_code\":206,\"step_time\":1.5}",
        "{\"type\":\"chunk\",\"data\":\"AAA\",\"done\":false,\"status_code\":206,\"step_time\":1.5}",
        "{\"type\":\"chunk\",\"data\":\"AA==\",\"done\":false,\"status_code\":206,\"step_time\":1.5}",
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":false,\"status_code\":206}",
        "{\"type\":\"chunk\",\"data\":123,\"done\":false,\"status_code\":206,\"step_time\":1.5}",
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":false,\"status_code\":206,\"step_time\":1.5",
        "{\"type\":\"warning\",\"data\":\"not audio\",\"done\":false,\"status_code\":206}",
        "{\"type\":\"warning\",\"data\":\"@\",\"done\":false,\"status_code\":206}",
        "{\"type\":\"done\",\"done\":true,\"status_code\":200,\"context_id\":\"c\"}",
        "{\"type\":\"error\",\"data\":\"@\",\"done\":true,\"status_code\":400,\"error\":\"bad\"}",
        "{\"type\":\"chunk\",\"nested\":{\"data\":\"@\"},\"done\":false,\"status_code\":206,\"step_time\":1.5,\"data\":\"@\"}",
        "[\"data\",\"@\"]",
        "not json at all",
      })
  void theFastPathGivesWhatDataBindingGives(String template) throws Exception {
    String frame = template.replace("ESCAPED", AUDIO.replace("/", "\\/")).replace("@", AUDIO);
    WebSocketResponse general;
    try {
      general = GENERAL.decode(frame);
    } catch (Exception expected) {
      assertThatThrownBy(() -> FAST.decode(frame)).isInstanceOf(expected.getClass());
      return;
    }
    WebSocketResponse fast = FAST.decode(frame);
    assertThat(fast).isEqualTo(general);
    assertThat(fast.getClass()).isEqualTo(general.getClass());
  }

  @org.junit.jupiter.api.Test
  void theAudioOfAPlainChunkIsDecoded() throws Exception {
    String frame = "{\"type\":\"chunk\",\"data\":\"" + AUDIO
        + "\",\"done\":false,\"status_code\":206,\"step_time\":1.5}";
    WebSocketChunkResponse chunk = (WebSocketChunkResponse) FAST.decode(frame);
    assertThat(chunk.data()).isEqualTo(Base64.getDecoder().decode(AUDIO));
    assertThat(chunk.stepTime()).isEqualTo(1.5);
  }
}
