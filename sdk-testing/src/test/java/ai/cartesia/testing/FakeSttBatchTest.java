package ai.cartesia.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.cartesia.core.audio.WavFile;
import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake batch transcription: one word a 100 ms of the uploaded audio. */
@Timeout(30)
class FakeSttBatchTest {

  private final FakeCartesiaServer fake = FakeCartesiaServer.start();
  private final FakeHttp http = new FakeHttp(fake);

  @AfterEach
  void stop() {
    fake.close();
  }

  private FakeHttp.Answer transcribe(String query, byte[] file, boolean words) {
    MultipartBody.Builder form = new MultipartBody.Builder()
        .setType(MultipartBody.FORM)
        .addFormDataPart(
            "file", "call.wav", RequestBody.create(file, MediaType.get("application/octet-stream")))
        .addFormDataPart("model", "ink-whisper")
        .addFormDataPart("language", "fr");
    if (words) form.addFormDataPart("timestamp_granularities[]", "word");
    return http.call(http.request("stt" + query).post(form.build()).build());
  }

  @Test
  void aWavFileIsHeardOneWordA100Milliseconds() {
    byte[] wav = WavFile.of(
        new byte[16_000 * 2 * 35 / 100], WavFile.Encoding.PCM_S16LE, 16_000, 1); // 0.35 s

    FakeHttp.Answer answer = transcribe("", wav, true);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.path("text").asText())
        .isEqualTo("word1 word2 word3")
        .isEqualTo(FakeTranscript.text(0.35));
    assertThat(json.path("language").asText()).isEqualTo("fr");
    assertThat(json.path("duration").asDouble()).isCloseTo(0.35, within(1e-9));
    assertThat(json.path("words")).hasSize(3);
    assertThat(json.path("words").get(2).path("word").asText()).isEqualTo("word3");
    assertThat(json.path("words").get(2).path("start").asDouble()).isCloseTo(0.2, within(1e-9));
    assertThat(json.path("words").get(2).path("end").asDouble())
        .isCloseTo(FakeTranscript.end(2), within(1e-9));
  }

  @Test
  void rawAudioIsMeasuredByItsEncodingAndRateAndWordsComeOnlyWhenAskedFor() {
    FakeHttp.Answer answer =
        transcribe("?encoding=pcm_mulaw&sample_rate=8000", new byte[8000], false);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("text").asText()).isEqualTo(FakeTranscript.text(1.0));
    assertThat(FakeTranscript.wordCount(1.0)).isEqualTo(10);
    assertThat(answer.json().has("words")).isFalse();
  }

  @Test
  void whatTheFakeCannotMeasureIs400() {
    FakeHttp.Answer mp3 = transcribe("", "ID3 an mp3 file".getBytes(), false);
    assertThat(mp3.status()).isEqualTo(400);
    assertThat(mp3.json().path("message").asText()).contains("WAV");
    assertThat(transcribe("?encoding=pcm_s16le", new byte[10], false).status()).isEqualTo(400);

    FakeHttp.Answer noModel = http.call(http.request("stt")
        .post(new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("file", "a.wav", RequestBody.create(new byte[4]))
            .build())
        .build());
    assertThat(noModel.status()).isEqualTo(400);
    assertThat(noModel.json().path("message").asText()).contains("model");
  }
}
