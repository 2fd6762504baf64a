package ai.cartesia.testing;

import ai.cartesia.core.audio.WavAudio;
import ai.cartesia.core.audio.WavFile;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * The fake batch transcription, {@code POST /stt}: a multipart upload ({@code file}, {@code
 * model}, optional {@code language} and {@code timestamp_granularities[]}) answered with the
 * {@link FakeTranscript} of the audio's length. The length comes from the {@code encoding} and
 * {@code sample_rate} query parameters when they are given (the file is then raw audio, one
 * channel), else from the file's WAV header; the fake decodes no other format, and says so with
 * 400. {@code words} are in the answer only when {@code word} granularity is asked for.
 */
final class SttBatch {

  private static final Map<String, Integer> BYTES_PER_SAMPLE = Map.of(
      "pcm_s16le",
      2,
      "pcm_s32le",
      4,
      "pcm_f16le",
      2,
      "pcm_f32le",
      4,
      "pcm_mulaw",
      1,
      "pcm_alaw",
      1);
  private static final Pattern FIELD_NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");

  private SttBatch() {}

  static MockResponse respond(RecordedRequest request) {
    try {
      Map<String, List<byte[]>> form = form(request);
      byte[] file = single(form, "file");
      byte[] model = single(form, "model");
      if (file == null || model == null)
        return HttpAnswers.error(400, "the form fields file and model are required");
      double seconds = seconds(
          file,
          request.getUrl().queryParameter("encoding"),
          request.getUrl().queryParameter("sample_rate"));
      byte[] language = single(form, "language");
      boolean words = form.getOrDefault("timestamp_granularities[]", List.of()).stream()
          .anyMatch(value -> new String(value, StandardCharsets.UTF_8).equals("word"));
      return HttpAnswers.json(
          200,
          transcription(
              seconds,
              language == null ? "en" : new String(language, StandardCharsets.UTF_8),
              words));
    } catch (IllegalArgumentException e) {
      return HttpAnswers.error(400, e.getMessage());
    }
  }

  private static String transcription(double seconds, String language, boolean withWords) {
    ObjectNode body = Json.object();
    body.put("text", FakeTranscript.text(seconds));
    body.put("language", language);
    body.put("duration", seconds);
    if (withWords) Messages.addWords(body, FakeTranscript.words(seconds), 0);
    return Json.write(body);
  }

  /** The length of the uploaded audio in seconds. */
  private static double seconds(byte[] file, String encoding, String sampleRate) {
    if (encoding != null || sampleRate != null) {
      Integer bytesPerSample = BYTES_PER_SAMPLE.get(encoding);
      if (bytesPerSample == null)
        throw new IllegalArgumentException("encoding must be one of " + BYTES_PER_SAMPLE.keySet());
      if (sampleRate == null || !sampleRate.matches("\\d{3,6}")) {
        throw new IllegalArgumentException(
            "sample_rate (in Hz) is required with encoding, not " + sampleRate);
      }
      return (double) file.length / (bytesPerSample * Integer.parseInt(sampleRate));
    }
    try (WavAudio wav = WavFile.read(new ByteArrayInputStream(file))) {
      long bytes = wav.stream().readAllBytes().length;
      return (double) bytes
          / ((long) wav.encoding().bytesPerSample() * wav.channels() * wav.sampleRate());
    } catch (IOException e) {
      throw new IllegalStateException("reading bytes in memory cannot fail", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the fake transcribes WAV files, or raw audio with encoding and sample_rate: "
              + e.getMessage(),
          e);
    }
  }

  private static Map<String, List<byte[]>> form(RecordedRequest request) {
    MediaType type = request.getHeaders().get("Content-Type") == null
        ? null
        : MediaType.parse(request.getHeaders().get("Content-Type"));
    String boundary = type == null ? null : type.parameter("boundary");
    if (type == null
        || !type.type().equals("multipart")
        || boundary == null
        || request.getBody() == null) {
      throw new IllegalArgumentException("the body must be multipart/form-data");
    }
    Map<String, List<byte[]>> fields = new HashMap<>();
    try (MultipartReader reader =
        new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
      for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
        String disposition = part.headers().get("Content-Disposition");
        Matcher name = FIELD_NAME.matcher(disposition == null ? "" : disposition);
        if (!name.find()) throw new IllegalArgumentException("a form part has no name");
        fields
            .computeIfAbsent(name.group(1), key -> new ArrayList<>())
            .add(part.body().readByteArray());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("the multipart body cannot be read: " + e.getMessage(), e);
    }
    return fields;
  }

  private static byte[] single(Map<String, List<byte[]>> form, String name) {
    List<byte[]> values = form.get(name);
    if (values == null) return null;
    if (values.size() > 1)
      throw new IllegalArgumentException(
          "the form field " + name + " is given " + values.size() + " times");
    return values.get(0);
  }
}
