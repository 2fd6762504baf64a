package ai.cartesia.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain case is read token by token; every other text goes to the data binding, whole. The
 * binding here is a stand-in that says it was asked, so each test sees which way a text went.
 */
class TokenDecoderTest {

  /** A built value: the properties read, or the text the binding was given. */
  record Value(Map<String, Object> read, String boundText) {}

  static final class Builder {
    final Map<String, Object> read = new LinkedHashMap<>();

    Value build() {
      if (!read.containsKey("name")) throw new IllegalStateException("name is required");
      return new Value(read, null);
    }
  }

  private static final TokenDecoder<Builder, Value> WORD = TokenDecoder.of(
          Json.mapper(),
          TokenDecoderTest::bound,
          Builder::new,
          Builder::build,
          TokenDecoderTest::put)
      .text("name", (b, v) -> b.read.put("name", v))
      .float64("start", (b, v) -> b.read.put("start", v))
      .build();

  /** With nested objects, alone and in an array: flat all the same, since WORD is. */
  private static final TokenDecoder<Builder, Value> DECODER = decoder(Json.mapper());

  /**
   * The same decoder without its flat scan, the token reader: a mapper whose base64 variant is
   * not the default turns the flat scan off.
   */
  private static final TokenDecoder<Builder, Value> TOKENS =
      decoder(Json.mapper().copy().setBase64Variant(Base64Variants.MODIFIED_FOR_URL));

  private static TokenDecoder<Builder, Value> decoder(ObjectMapper mapper) {
    return flatProperties(mapper)
        .object("first", WORD, (b, v) -> b.read.put("first", v.read()))
        .objects("words", WORD, (b, v) -> {
          List<Object> words = new ArrayList<>();
          v.forEach(w -> words.add(w.read()));
          b.read.put("words", words);
        })
        .build();
  }

  /** Flat: read by the flat scan first. */
  private static final TokenDecoder<Builder, Value> FLAT =
      flatProperties(Json.mapper()).build();

  /** The flat properties FLAT, DECODER and TOKENS share. */
  private static TokenDecoder.Builder<Builder, Value> flatProperties(ObjectMapper mapper) {
    return TokenDecoder.of(
            mapper, TokenDecoderTest::bound, Builder::new, Builder::build, TokenDecoderTest::put)
        .ignored("type")
        .text("name", (b, v) -> b.read.put("name", v))
        .flag("final", (b, v) -> b.read.put("final", v))
        .int32("count", (b, v) -> b.read.put("count", v))
        .int64("total", (b, v) -> b.read.put("total", v))
        .float64("ratio", (b, v) -> b.read.put("ratio", v))
        .base64("bytes", (b, v) -> b.read.put("bytes", List.of(v.length)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'type':'x','name':'a','final':true,'count':-3,'total':12345678901,'ratio':0.25,'bytes':'AAEC','n':1,'s':'t','b':false}",
        " {\t'name' : 'é' ,\r\n'ratio':1e-7 } ",
        "{'ratio':-0.0,'name':'a','count':0,'bytes':''}",
      })
  void flatTextIsReadWithoutAParser(String template) throws Exception {
    String text = template.replace('\'', '"');
    Value plain = FLAT.readPlain(text);
    assertThat(plain).isNotNull();
    assertThat(plain).isEqualTo(TOKENS.decode(text));
    assertThat(FLAT.decode(text)).isEqualTo(plain);
    if (text.chars().allMatch(c -> c < 0x80)) {
      byte[] utf8 = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
      assertThat(FLAT.readPlain(utf8, 2, utf8.length - 4)).isEqualTo(plain);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'name':'a','first':{'name':'w','start':1},'words':[{'name':'v','start':2.5},{'start':-0.5,'name':'u','x':true}]}",
        "{ 'words' : [ ] , 'name' : 'a' , 'first' : { 'name' : 'w' } }",
        "{'name':'a','words':[{'name':'v'}],'ratio':0.5,'bytes':'AAEC'}",
      })
  void nestedFlatObjectsAreReadWithoutAParser(String template) throws Exception {
    String text = template.replace('\'', '"');
    Value plain = DECODER.readPlain(text);
    assertThat(plain).isNotNull();
    assertThat(plain).isEqualTo(TOKENS.decode(text));
    assertThat(TOKENS.readPlain(text)).isNull(); // TOKENS really is the token reader
    byte[] utf8 = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
    assertThat(DECODER.readPlain(utf8, 2, utf8.length - 4)).isEqualTo(plain);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'name':'a','words':[{'name':'v'},]}",
        "{'name':'a','words':[null]}",
        "{'name':'a','words':[{'name':'v'}",
        "{'name':'a','words':[{'name':'v'}]",
        "{'name':'a','words':{}}",
        "{'name':'a','words':[[]]}",
        "{'name':'a','words':[{'name':'v','x':{}}]}",
        "{'name':'a','words':[{'start':1}]}",
        "{'name':'a','words':[{'name':'v','name':'w'}]}",
        "{'name':'a','first':null}",
        "{'name':'a','first':[]}",
        "{'name':'a','first':{'name':'w'}",
        "{'name':'a','first':{'name':'w',}}",
      })
  void theNestedFlatScanGivesUpOnAnythingElse(String template) {
    String text = template.replace('\'', '"');
    assertThat(DECODER.readPlain(text)).isNull();
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertThat(DECODER.readPlain(utf8, 0, utf8.length)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'name':'a\\nb'}",
        "{'name':'a','name':'b'}",
        "{'name':'a','n':1.5}",
        "{'name':'a','n':null}",
        "{'name':'a','n':{}}",
        "{'name':'a','count':1.0}",
        "{'name':'a','count':01}",
        "{'name':'a','ratio':1e400}",
        "{'name':'a'} x",
        "{'name':'a',}",
        "{'count':1}",
      })
  void theFlatScanGivesUpOnAnythingElse(String template) {
    String text = template.replace('\'', '"');
    assertThat(FLAT.readPlain(text)).isNull();
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertThat(FLAT.readPlain(utf8, 0, utf8.length)).isNull();
  }

  private static Value bound(String text) {
    return new Value(Map.of(), text);
  }

  private static void put(Builder builder, String name, JsonNode value) {
    builder.read.put("+" + name, value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'type':'x','name':'a','final':true,'count':3,'total':12345678901,'ratio':0.25,'bytes':'AAEC',"
            + "'first':{'name':'w','start':1},'words':[{'name':'v','start':2.5}],'new':{'k':[1]}}",
        "{'name':'a'}",
        "  {'name':'a','type':{'nested':['ignored']}}  ",
      })
  void thePlainCaseIsReadTokenByToken(String template) throws Exception {
    String text = template.replace('\'', '"');
    Value fromText = DECODER.decode(text);
    assertThat(fromText.boundText()).isNull();
    assertThat(fromText.read()).containsEntry("name", "a");
    byte[] utf8 = ("xx" + text).getBytes(StandardCharsets.UTF_8);
    assertThat(DECODER.decode(utf8, 2, utf8.length - 2)).isEqualTo(fromText);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'name':null}",
        "{'name':7}",
        "{'name':'a','final':'true'}",
        "{'name':'a','count':1.0}",
        "{'name':'a','count':3000000000}",
        "{'name':'a','total':'1'}",
        "{'name':'a','ratio':'0.5'}",
        "{'name':'a','bytes':'not base64!'}",
        "{'name':'a','first':[]}",
        "{'name':'a','words':[null]}",
        "{'name':'a','words':[{'start':1}]}",
        "{'name':'a','unknown':null}",
        "{'count':1}",
        "{'name':'a'",
        "['name']",
        "",
      })
  void anythingElseGoesToTheBindingWhole(String template) throws Exception {
    String text = template.replace('\'', '"');
    assertThat(DECODER.decode(text).boundText()).isEqualTo(text);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertThat(DECODER.decode(utf8, 0, utf8.length).boundText()).isEqualTo(text);
  }
}
