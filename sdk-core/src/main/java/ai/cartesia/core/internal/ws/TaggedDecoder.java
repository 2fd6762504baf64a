package ai.cartesia.core.internal.ws;

import ai.cartesia.core.internal.json.JsonTag;
import ai.cartesia.core.internal.json.TextDecoder;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes a tagged union by reading its tag first and binding the variant it names directly,
 * which spares Jackson's polymorphic handling (with a visible type id it replays every token of
 * the message through a buffer). A message whose tag is missing, unknown or not plain goes to the
 * general decoder, so both always give the same message; where the variant fails, the general
 * decoder reads the message again, so that the error is also the same.
 *
 * @param <R> the message type
 */
public final class TaggedDecoder<R> implements FrameDecoder<R> {

  private final TextDecoder<R> general;
  private final String tag;
  private final Map<String, TextDecoder<? extends R>> variants;

  /**
   * @param general the decoder of any message (the union)
   * @param tag the property that names a message's variant
   * @param variants the decoders of the variants, by tag value
   */
  public TaggedDecoder(
      TextDecoder<R> general, String tag, Map<String, TextDecoder<? extends R>> variants) {
    this.general = Objects.requireNonNull(general, "general");
    this.tag = Objects.requireNonNull(tag, "tag");
    this.variants = Map.copyOf(variants);
  }

  @Override
  public R decode(String text) throws IOException {
    String value = JsonTag.find(text, tag);
    TextDecoder<? extends R> variant = value == null ? null : variants.get(value);
    if (variant != null) {
      try {
        return variant.decode(text);
      } catch (IOException notThisWay) {
        // The error to report is the union's own (the variant's binding words it otherwise).
      }
    }
    return general.decode(text);
  }

  @Override
  public R decode(byte[] utf8, int offset, int length) throws IOException {
    String value = JsonTag.find(utf8, offset, offset + length, tag);
    TextDecoder<? extends R> variant = value == null ? null : variants.get(value);
    if (variant != null) {
      try {
        return variant.decode(utf8, offset, length);
      } catch (IOException notThisWay) {
        // as above
      }
    }
    return general.decode(utf8, offset, length);
  }
}
