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
    @JsonProperty("type") public String type;
    @JsonProperty("name") public String name;
    @JsonProperty("data") public String data;
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
        return new Decoded(by, m.type, m.name, m.data);
      }
    };
  }

  private static final String AUDIO = Base64.getEncoder().encodeToString("some audio bytes!".getBytes(StandardCharsets.UTF_8));

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"a\",\"name\":\"x\"}",
      " { \"name\" : \"x\" , \"type\" : \"a\" } ",
      "{\"other\":{\"type\":\"b\"},\"type\":\"a\"}",
      "{\"type\":\"zzz\",\"name\":\"x\"}",
      "{\"name\":\"x\"}",
      "{\"typ\\u0065\":\"a\",\"name\":\"x\"}",
      "{\"type\":\"\\u0061\",\"name\":\"x\"}",
      "{\"type\":\"a\",\"name\":\"é音\"}",
      "[1]"})
  void theTagPicksTheVariantTheGeneralDecoderWould(String text) throws IOException {
    TaggedDecoder<Decoded> tagged = new TaggedDecoder<>(binding("general"), "type", Map.of("a", binding("a")));
    byte[] bytes = ("  " + text + "  ").getBytes(StandardCharsets.UTF_8);
    if (text.startsWith("[")) {
      assertThatThrownBy(() -> tagged.decode(text)).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> tagged.decode(bytes, 2, bytes.length - 4)).isInstanceOf(IOException.class);
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
  @ValueSource(strings = {
      "{\"type\":\"a\",\"data\":\"%s\",\"name\":\"x\"}",
      "{\"name\":\"é\",\"data\":\"%s\",\"type\":\"a\"}",
      "{\"type\":\"b\",\"data\":\"%s\"}",
      "{\"type\":\"a\",\"data\":\"%s\\/\"}",
      "{\"type\":\"a\",\"data\":\"%s=\"}",
      "{\"type\":\"a\",\"data\":\"%s\",\"data\":\"\"}"})
  void theBase64FieldIsReadInPlaceFromTextAndFromBytesAlike(String template) throws IOException {
    String text = String.format(template, AUDIO);
    Base64FieldDecoder<Decoded> decoder = new Base64FieldDecoder<>("data", binding("general"), "type",
        Map.of("a", binding("a")), (message, bytes) -> new Decoded(message.by(), message.type(), message.name(),
            "bytes:" + new String(bytes, StandardCharsets.UTF_8)));
    byte[] utf8 = ("{}" + text).getBytes(StandardCharsets.UTF_8);
    Decoded fromText = decoder.decode(text);
    Decoded fromBytes = decoder.decode(utf8, 2, utf8.length - 2);
    assertThat(fromBytes).isEqualTo(fromText);
    Decoded general = binding("general").decode(text);
    assertThat(fromText.type()).isEqualTo(general.type());
    assertThat(fromText.name()).isEqualTo(general.name());
  }
}
