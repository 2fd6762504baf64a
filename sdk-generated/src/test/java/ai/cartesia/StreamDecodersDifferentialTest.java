package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.json.TextDecoder;
import ai.cartesia.core.internal.ws.FrameDecoder;
import ai.cartesia.internal.StreamDecoders;
import ai.cartesia.model.StreamingTranscriptionResponse;
import ai.cartesia.model.WebSocketResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test of the streamed decoders' fast paths (the flat scan, the token
 * reader, base64 straight into bytes) against plain data binding: thousands of frames of the
 * chunk's shape with the fields in any order, unknown fields, escapes, text outside ASCII,
 * nulls, numbers in every JSON form, whitespace, duplicates and broken JSON. From text and from
 * bytes, each decoder gives the value the binding gives, or an error of the same class and
 * message.
 */
class StreamDecodersDifferentialTest {

  private static final FrameDecoder<WebSocketResponse> FAST =
      StreamDecoders.webSocketResponse(Json.mapper());
  private static final FrameDecoder<WebSocketResponse> GENERAL =
      FrameDecoder.json(Json.mapper(), WebSocketResponse.class);
  private static final FrameDecoder<StreamingTranscriptionResponse> STT_FAST =
      StreamDecoders.streamingTranscriptionResponse(Json.mapper());
  private static final FrameDecoder<StreamingTranscriptionResponse> STT_GENERAL =
      FrameDecoder.json(Json.mapper(), StreamingTranscriptionResponse.class);

  private static final String[] INTEGERS = {
    "206",
    "0",
    "-0",
    "-1",
    "7",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "999999999999999999",
    "1000000000000000000",
    "9223372036854775808",
    "99999999999999999999",
    "206.0",
    "2.06e2",
    "1E2",
    "1e0",
    "0206",
    "00",
    "-",
    "+1",
    "1.",
    ".5",
    "\"206\"",
    "null",
    "true",
    "1_000",
  };
  private static final String[] DOUBLES = {
    "41.2",
    "0",
    "-0",
    "0.0",
    "-0.0",
    "1.5",
    "-3",
    "5",
    "1e-7",
    "1E+2",
    "1e22",
    "1e23",
    "1e-22",
    "1e-23",
    "123456789.123456789",
    "0.30000000000000004",
    "9007199254740993",
    "9007199254740992",
    "4.35",
    "2.2250738585072014E-308",
    "1.7976931348623157e308",
    "1e400",
    "-1e400",
    "12345678901234567890",
    "0.000001",
    "100.000",
    "0.1e1",
    "1.0E-0",
    "1e0001",
    "01.5",
    ".5",
    "1.",
    "1.5e",
    "1.5e+",
    "-",
    "--1",
    "NaN",
    "Infinity",
    "\"1.5\"",
    "null",
    "1.5.5",
    "0x10",
  };
  private static final String[] TEXTS = {
    "\"happy-monkeys-fly\"",
    "\"\"",
    "\"c\"",
    "\"café\"",
    "\"über 😀\"",
    "\"日本語\"",
    "\"a\\\"b\"",
    "\"a\\\\b\"",
    "\"a\\/b\"",
    "\"line\\nbreak\"",
    "\"caf\\u00e9\"",
    "\"\\ud83d\\ude00\"",
    "\"tab\there\"",
    "\"ctl\u0001\"",
    "\"bad\\x\"",
    "\"unterminated",
    "null",
    "7",
    "true",
    "[]",
    "{}",
  };
  private static final String[] FLAGS = {"true", "false", "null", "\"false\"", "0", "tru", "falsey"
  };
  private static final String[] UNKNOWN_VALUES = {
    "3",
    "-3",
    "12345678901",
    "\"x\"",
    "\"é\"",
    "true",
    "false",
    "99999999999999999999",
    "1.5",
    "1e2",
    "\"caf\\u00e9\"",
    "null",
    "{}",
    "[]",
    "{\"data\":\"x\",\"list\":[1,{\"a\":\"}\"}]}",
    "[null,1.5,\"s\"]",
  };
  private static final String[] SPACES = {"", "", "", " ", "  ", "\t", "\n", "\r\n", " \n\t"};

  @Test
  void chunkFramesDecodeAsDataBindingDoes() throws Exception {
    Random random = new Random(14);
    for (int n = 0; n < 6_000; n++) {
      String frame = chunkFrame(random);
      compare(FAST, GENERAL, frame);
    }
  }

  @Test
  void plainChunkFramesWithAnyAudioDecodeAsDataBindingDoes() throws Exception {
    Random random = new Random(41);
    for (int n = 0; n < 1_000; n++) {
      byte[] audio = new byte[random.nextInt(4_000)];
      random.nextBytes(audio);
      List<String> members = new ArrayList<>(List.of(
          "\"type\":\"chunk\"",
          "\"data\":\"" + Base64.getEncoder().encodeToString(audio) + "\"",
          "\"done\":" + random.nextBoolean(),
          "\"status_code\":" + random.nextInt(600),
          "\"step_time\":" + pick(random, DOUBLES, 0, 20),
          "\"context_id\":\"ctx-" + random.nextInt() + "\""));
      Collections.shuffle(members.subList(1, members.size()), random);
      compare(FAST, GENERAL, "{" + String.join(",", members) + "}");
    }
  }

  @Test
  void transcriptionMessagesDecodeAsDataBindingDoes() throws Exception {
    Random random = new Random(7);
    String[] types = { // transcripts, which nest, more often than the flat messages
      "\"flush_done\"", "\"done\"", "\"error\"", "\"transcript\"", "\"transcript\"", "\"new\""
    };
    for (int n = 0; n < 3_000; n++) {
      wild = random.nextBoolean();
      List<String> members = new ArrayList<>();
      members.add("\"type\":" + types[random.nextInt(types.length)]);
      if (random.nextInt(5) > 0) members.add("\"request_id\":" + pick(random, TEXTS, 0, 6));
      if (random.nextBoolean()) members.add("\"message\":" + pick(random, TEXTS, 0, 6));
      if (random.nextInt(4) == 0) members.add("\"text\":" + pick(random, TEXTS, 0, 3));
      if (random.nextInt(4) == 0) members.add("\"is_final\":" + pick(random, FLAGS, 0, 2));
      if (random.nextInt(3) == 0) members.add("\"extra\":" + pick(random, UNKNOWN_VALUES, 0, 7));
      if (random.nextInt(3) > 0) members.add("\"duration\":" + pick(random, DOUBLES, 0, 20));
      if (random.nextInt(3) > 0) members.add("\"language\":" + pick(random, TEXTS, 0, 6));
      if (random.nextInt(4) > 0) members.add("\"words\":" + words(random));
      if (wild && random.nextInt(4) == 0) members.add(members.get(random.nextInt(members.size())));
      Collections.shuffle(members.subList(random.nextInt(2), members.size()), random);
      String message = join(random, members);
      compare(STT_FAST, STT_GENERAL, wild ? damage(random, message) : message);
      if (message.contains("\"type\":\"transcript\"") && message.contains("\"words\":[{")) {
        transcriptsWithWords++;
      }
    }
    // The flat scan of nested words is exercised, not only the fallbacks.
    assertThat(transcriptsWithWords).isGreaterThan(100);
  }

  private int transcriptsWithWords;

  /** A transcript's words: an array of word objects, plain or (in a wild message) odd. */
  private static String words(Random random) {
    if (wild && random.nextInt(8) == 0) return pick(random, UNKNOWN_VALUES, 0, 7);
    StringBuilder array = new StringBuilder("[").append(space(random));
    int count = random.nextInt(6);
    for (int k = 0; k < count; k++) {
      if (k > 0) array.append(space(random)).append(',').append(space(random));
      array.append(word(random));
    }
    if (wild && count > 0 && random.nextInt(10) == 0) array.append(','); // a trailing comma
    return array.append(space(random)).append(']').toString();
  }

  private static String word(Random random) {
    if (wild && random.nextInt(10) == 0)
      return new String[] {"null", "1", "\"word\"", "[]", "{"}[random.nextInt(5)];
    List<String> members = new ArrayList<>();
    if (random.nextInt(10) > 0) members.add("\"word\":" + pick(random, TEXTS, 0, 6));
    if (random.nextInt(10) > 0) members.add("\"start\":" + pick(random, DOUBLES, 0, 20));
    if (random.nextInt(10) > 0) members.add("\"end\":" + pick(random, DOUBLES, 0, 20));
    if (random.nextInt(5) == 0) members.add("\"confidence\":" + pick(random, UNKNOWN_VALUES, 0, 7));
    if (wild && random.nextInt(5) == 0) members.add("\"word\":{\"nested\":true}");
    if (wild && random.nextInt(5) == 0 && !members.isEmpty())
      members.add(members.get(random.nextInt(members.size())));
    Collections.shuffle(members, random);
    return join(random, members).strip();
  }

  /** Whether the frame being made may hold unusual values (else only plain ones, half of them). */
  private static boolean wild;

  private static String chunkFrame(Random random) {
    wild = random.nextBoolean();
    List<String> members = new ArrayList<>();
    members.add("\"type\":" + (random.nextInt(12) == 0 ? pick(random, TEXTS, 0, 21) : "\"chunk\""));
    if (random.nextInt(12) > 0)
      members.add("\"data\":" + (wild ? data(random) : plainData(random)));
    if (random.nextInt(12) > 0) members.add("\"done\":" + pick(random, FLAGS, 0, 2));
    if (random.nextInt(12) > 0) members.add("\"status_code\":" + pick(random, INTEGERS, 0, 3));
    if (random.nextInt(12) > 0) members.add("\"step_time\":" + pick(random, DOUBLES, 0, 20));
    if (random.nextInt(4) > 0) members.add("\"context_id\":" + pick(random, TEXTS, 0, 6));
    for (int k = random.nextInt(3); k > 0; k--) {
      String name = random.nextInt(4) == 0 ? "\"café\"" : "\"flush_id" + k + "\"";
      if (wild && random.nextInt(5) == 0) name = "\"fl\\u0075sh_id\"";
      members.add(name + ":" + pick(random, UNKNOWN_VALUES, 0, 7));
    }
    if (wild && random.nextInt(5) == 0) members.add(members.get(random.nextInt(members.size())));
    // The tag usually comes first, as the API sends it.
    Collections.shuffle(members.subList(random.nextInt(4) == 0 ? 0 : 1, members.size()), random);
    return wild ? damage(random, join(random, members)) : join(random, members);
  }

  private static String plainData(Random random) {
    byte[] audio = new byte[random.nextInt(700)];
    random.nextBytes(audio);
    return "\"" + Base64.getEncoder().encodeToString(audio) + "\"";
  }

  private static String data(Random random) {
    byte[] audio = new byte[random.nextInt(700)];
    random.nextBytes(audio);
    String base64 = Base64.getEncoder().encodeToString(audio);
    return switch (random.nextInt(14)) {
      case 0 -> "\"" + base64.replace("/", "\\/") + "\"";
      case 1 -> "\"" + base64.replace("=", "") + "\"";
      case 2 -> "\"" + base64 + "!\"";
      case 3 -> "\"" + (base64.isEmpty() ? "" : base64.substring(1)) + "\"";
      case 4 -> "\"AA AA\"";
      case 5 -> "\"AB==\"";
      case 6 -> "null";
      case 7 -> "123";
      case 8 -> "\"" + base64.replace("A", "\u0100") + "\"";
      default -> "\"" + base64 + "\"";
    };
  }

  /** A value from the plain first {@code plain} of {@code values}, or in a wild frame any. */
  private static String pick(Random random, String[] values, int from, int plain) {
    return !wild || random.nextInt(3) > 0
        ? values[from + random.nextInt(Math.min(plain, values.length) - from)]
        : values[random.nextInt(values.length)];
  }

  private static String join(Random random, List<String> members) {
    StringBuilder text = new StringBuilder(space(random)).append('{').append(space(random));
    for (int k = 0; k < members.size(); k++) {
      if (k > 0) text.append(space(random)).append(',').append(space(random));
      String member = members.get(k);
      int colon = member.indexOf("\":") + 1;
      text.append(member, 0, colon)
          .append(space(random))
          .append(':')
          .append(space(random))
          .append(member, colon + 1, member.length());
    }
    return text.append(space(random)).append('}').append(space(random)).toString();
  }

  private static String space(Random random) {
    return random.nextInt(3) == 0 ? SPACES[random.nextInt(SPACES.length)] : "";
  }

  /** Mostly the text as it is; else broken or changed in one of the ways a frame can be. */
  private static String damage(Random random, String text) {
    if (random.nextInt(4) > 0 || text.isEmpty()) return text;
    int at = random.nextInt(text.length());
    return switch (random.nextInt(8)) {
      case 0 -> text.substring(0, at); // cut short
      case 1 -> text.substring(0, at) + text.substring(at + 1); // a character lost
      case 2 -> text.substring(0, at) + "\"" + text.substring(at);
      case 3 -> text.substring(0, at) + "," + text.substring(at);
      case 4 -> text + " x";
      case 5 -> text + "{}";
      case 6 -> text.replace("}", ",}");
      default -> "[" + text + "]";
    };
  }

  private static <T> void compare(TextDecoder<T> fast, TextDecoder<T> general, String text)
      throws Exception {
    compare(text, () -> general.decode(text), () -> fast.decode(text));
    byte[] utf8 = ("  " + text + "xx").getBytes(StandardCharsets.UTF_8);
    int length = utf8.length - 4;
    compare(
        text + " (as bytes)",
        () -> general.decode(utf8, 2, length),
        () -> fast.decode(utf8, 2, length));
  }

  private interface Decoding<T> {
    T run() throws Exception;
  }

  private static <T> void compare(String text, Decoding<T> general, Decoding<T> fast) {
    Object expected;
    try {
      expected = general.run();
    } catch (Exception error) {
      expected = error;
    }
    Object actual;
    try {
      actual = fast.run();
    } catch (Exception error) {
      actual = error;
    }
    if (expected instanceof Exception error) {
      assertThat(actual).as(text).isInstanceOf(error.getClass());
      assertThat(((Exception) actual).getMessage()).as(text).isEqualTo(error.getMessage());
    } else {
      assertThat(actual).as(text).isEqualTo(expected);
      assertThat(actual.getClass()).as(text).isEqualTo(expected.getClass());
    }
  }
}
