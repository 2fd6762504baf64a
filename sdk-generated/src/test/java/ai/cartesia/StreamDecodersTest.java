package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.ws.FrameDecoder;
import ai.cartesia.internal.StreamDecoders;
import ai.cartesia.model.StreamingTranscriptionResponse;
import ai.cartesia.model.WebSocketChunkResponse;
import ai.cartesia.model.WebSocketResponse;
import java.nio.charset.StandardCharsets;
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
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":false,\"status_code\":206.0,\"step_time\":1.5}",
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":\"false\",\"status_code\":\"206\",\"step_time\":\"1.5\"}",
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":null,\"status_code\":206,\"step_time\":1.5}",
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":false,\"status_code\":99999999999999999999,\"step_time\":1}",
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":false,\"status_code\":206,\"step_time\":1.5,\"context_id\":null}",
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":false,\"status_code\":206,\"step_time\":1.5,\"context_id\":7}",
        "{\"type\":\"chunk\",\"data\":\"@\",\"done\":false,\"status_code\":206,\"step_time\":1.5,\"extra\":null,\"more\":[null]}",
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
    byte[] utf8 = ("  " + frame).getBytes(StandardCharsets.UTF_8);
    assertThat(FAST.decode(utf8, 2, utf8.length - 2)).isEqualTo(general);
  }

  private static final FrameDecoder<StreamingTranscriptionResponse> STT_FAST =
      StreamDecoders.streamingTranscriptionResponse(Json.mapper());
  private static final FrameDecoder<StreamingTranscriptionResponse> STT_GENERAL =
      FrameDecoder.json(Json.mapper(), StreamingTranscriptionResponse.class);

  /** The transcription messages are read token by token where they are plain: the same values. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'type':'transcript','request_id':'r','text':'hi there','is_final':true,'duration':1.5,'language':'en','words':[{'word':'hi','start':0.1,'end':0.4},{'word':'there','start':0.5,'end':1}]}",
        "{'type':'transcript','request_id':'r','text':'t','is_final':true,'duration':123456789.123456789,'words':[{'word':'a','start':1e-7,'end':-0.0},{'word':'b','start':1E+2,'end':0.30000000000000004},{'word':'c','start':2.2250738585072014E-308,'end':1.7976931348623157e308}]}",
        "{'words':[],'is_final':false,'text':'','request_id':'r','type':'transcript'}",
        "{'type':'transcript','request_id':'r','text':'x','is_final':false,'new_field':{'a':[1,2.5,'b']},'words':[{'word':'x','start':0,'end':1,'confidence':0.9}]}",
        "{'type':'transcript','request_id':'r','text':'x','is_final':false,'duration':null}",
        "{'type':'transcript','request_id':'r','text':'x','is_final':'true'}",
        "{'type':'transcript','request_id':'r','text':'x','is_final':true,'words':[null]}",
        "{'type':'transcript','request_id':'r','text':'x','is_final':true,'words':{'word':'x'}}",
        "{'type':'transcript','request_id':'r','text':'x','is_final':true,'words':[{'word':'x','start':'0','end':1}]}",
        "{'type':'transcript','request_id':'r','text':'x','is_final':true,'extra':null}",
        "{'type':'transcript','request_id':'r','text':'x'}",
        "{'type':'transcript','request_id':null,'text':'x','is_final':true}",
        "{'type':'transcript','request_id':'r','text':'x','is_final':true,'text':'y'}",
        "{'type':'transcript','request_id':'r','text':'caf\\u00e9 über','is_final':true}",
        "{'type':'transcript','request_id':'r','text':'x','is_final':true",
        "{'type':'flush_done','request_id':'r'}",
        "{'type':'done','request_id':'r','extra':true}",
        "{'type':'error','request_id':'r','message':'bad audio'}",
        "{'type':'error','message':'no request id'}",
        "{'type':'something_new','request_id':'r'}",
        "{'type':7,'request_id':'r'}",
        "['transcript']",
        "",
      })
  void transcriptionMessagesDecodeAsDataBindingDoes(String template) throws Exception {
    String message = template.replace('\'', '"');
    byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
    StreamingTranscriptionResponse general;
    try {
      general = STT_GENERAL.decode(message);
    } catch (Exception expected) {
      assertThatThrownBy(() -> STT_FAST.decode(message)).isInstanceOf(expected.getClass());
      assertThatThrownBy(() -> STT_FAST.decode(utf8, 0, utf8.length))
          .isInstanceOf(expected.getClass());
      return;
    }
    assertThat(STT_FAST.decode(message)).isEqualTo(general);
    StreamingTranscriptionResponse fromBytes = STT_FAST.decode(utf8, 0, utf8.length);
    assertThat(fromBytes).isEqualTo(general);
    assertThat(fromBytes.getClass()).isEqualTo(general.getClass());
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
