package ai.cartesia.core.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cartesia.core.internal.json.Json;
import ai.cartesia.core.internal.json.TextDecoder;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast decoders give what their general decoder gives, from text and from bytes alike: the
 * tag read first ({@link TaggedDecoder}), the base64 field read in place ({@link
 * Base64FieldDecoder}), and every message the fast path does not take.
 */
class FastDecodersTest {

  /** What was decoded, and by whom. */
  record Decoded(String by, String type, String name, String data) {}

  public static final class Message {
    @JsonProperty("type")
    public String type;

    @JsonProperty("name")
    public String name;

    @JsonProperty("data")
    public String data;
  }

  private static TextDecoder<Decoded> binding(String by) {
    TextDecoder<Message> json = TextDecoder.json(Json.mapper(), Message.class);
    return new TextDecoder<>() {
      @Override
      public Decoded decode(String text) throws IOException {
        return of(json.decode(text));
      }

      @Override
      public Decoded decode(byte[] utf8, int offset, int length) throws IOException {
        return of(json.decode(utf8, offset, length));
      }

      private Decoded of(Message m) {
        return new Decoded(by, m.type, m.name, audio(m.data));
      }
    };
  }

  /** The data as the fast path gives it: its bytes when it is base64, else as it is. */
  private static String audio(String data) {
    try {
      return data == null
          ? null
          : "bytes:" + new String(Base64.getDecoder().decode(data), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException notBase64) {
      return data;
    }
  }

  private static final String SHORT_AUDIO =
      Base64.getEncoder().encodeToString("some audio bytes!".getBytes(StandardCharsets.UTF_8));
  /** Longer than the tail walk's limit, so that it is found from the end of the object. */
  private static final String LONG_AUDIO = Base64.getEncoder().encodeToString(new byte[3000]);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"a\",\"name\":\"x\"}",
        " { \"name\" : \"x\" , \"type\" : \"a\" } ",
        "{\"other\":{\"type\":\"b\"},\"type\":\"a\"}",
        "{\"type\":\"zzz\",\"name\":\"x\"}",
        "{\"name\":\"x\"}",
        "{\"typ\\u0065\":\"a\",\"name\":\"x\"}",
        "{\"type\":\"\\u0061\",\"name\":\"x\"}",
        "{\"type\":\"a\",\"name\":\"é音\"}",
        "[1]"
      })
  void theTagPicksTheVariantTheGeneralDecoderWould(String text) throws IOException {
    TaggedDecoder<Decoded> tagged =
        new TaggedDecoder<>(binding("general"), "type", Map.of("a", binding("a")));
    byte[] bytes = ("  " + text + "  ").getBytes(StandardCharsets.UTF_8);
    if (text.startsWith("[")) {
      assertThatThrownBy(() -> tagged.decode(text)).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> tagged.decode(bytes, 2, bytes.length - 4))
          .isInstanceOf(IOException.class);
      return;
    }
    Decoded general = binding("general").decode(text);
    Decoded fromText = tagged.decode(text);
    Decoded fromBytes = tagged.decode(bytes, 2, bytes.length - 4);
    assertThat(fromText).usingRecursiveComparison().ignoringFields("by").isEqualTo(general);
    assertThat(fromBytes).isEqualTo(fromText);
    // Only a plain tag "a" found first takes the fast path.
    boolean fast = general.type() != null && general.type().equals("a") && !text.contains("\\");
    assertThat(fromText.by()).isEqualTo(fast ? "a" : "general");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"a\",\"data\":\"%s\",\"name\":\"x\"}",
        "{\"name\":\"é\",\"data\":\"%s\",\"type\":\"a\"}",
        "{\"type\":\"b\",\"data\":\"%s\"}",
        "{\"type\":\"a\",\"data\":\"%s\\/\"}",
        "{\"type\":\"a\",\"data\":\"%s=\"}",
        "{\"type\":\"a\",\"data\":\"%s\",\"data\":\"\"}",
        "{\"type\":\"a\",\"data\":\"%s\", \"done\" : false ,\"n\":-1.5e3,\"name\":\"x\" } ",
        "{\"type\":\"a\",\"data\":\"%s\",\"name\":\"a\\\"b\"}",
        "{\"type\":\"a\",\"data\":\"%s\",\"o\":{\"k\":1},\"name\":\"x\"}",
        "{\"type\":\"a\",\"data\":\"%s\",\"name\":\"%s\"}",
        "{\"type\":\"a\",\"data\":\"%s\",\"name\":\"x\"",
        "{\"type\":\"a\",\"data\":\"%s\",\"name\":\"x\"}}"
      })
  void theBase64FieldIsReadInPlaceFromTextAndFromBytesAlike(String template) throws IOException {
    for (String audio : new String[] {SHORT_AUDIO, LONG_AUDIO}) {
      // a long string after the audio: after the long audio, the walk from the end takes it for
      // the audio, that decode fails and the general decoder reads the frame; after the short
      // audio, a forward search finds the audio's end
      boolean longStringAfter = template.contains("\"name\":\"%s\"");
      String text = longStringAfter
          ? String.format(template, audio, "z".repeat(400))
          : String.format(template, audio);
      Base64FieldDecoder<Decoded> decoder = new Base64FieldDecoder<>(
          "data",
          binding("general"),
          "type",
          Map.of("a", binding("a")),
          (message, bytes) -> new Decoded(
              message.by(),
              message.type(),
              message.name(),
              "bytes:" + new String(bytes, StandardCharsets.ISO_8859_1)));
      byte[] utf8 = ("{}" + text).getBytes(StandardCharsets.UTF_8);
      Decoded general;
      try {
        general = binding("general").decode(text);
      } catch (IOException malformed) {
        assertThatThrownBy(() -> decoder.decode(text)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> decoder.decode(utf8, 2, utf8.length - 2))
            .isInstanceOf(IOException.class);
        continue;
      }
      Decoded fromText = decoder.decode(text);
      Decoded fromBytes = decoder.decode(utf8, 2, utf8.length - 2);
      assertThat(fromText).usingRecursiveComparison().ignoringFields("by").isEqualTo(general);
      assertThat(fromBytes).usingRecursiveComparison().ignoringFields("by").isEqualTo(general);
      if (longStringAfter) {
        // as the comment above says
        assertThat(fromBytes.by()).isEqualTo(audio.equals(SHORT_AUDIO) ? "a" : "general");
      }
    }
  }
}
