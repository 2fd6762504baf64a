package ai.cartesia.core.internal.ws;

import ai.cartesia.core.internal.json.Base64Field;
import ai.cartesia.core.internal.json.JsonTag;
import ai.cartesia.core.internal.json.TextDecoder;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Decodes messages whose one large field is base64 audio: the audio goes straight from the
 * frame's characters into bytes, and the rest of the frame, with that field emptied, is bound by
 * the decoder of the variant its tag names (or the general decoder). Any frame the fast path
 * cannot take whole goes to the general decoder as it is, so both always give the same message.
 * A plain frame is read whole by its variant's own fast path ({@link TextDecoder#readPlain}),
 * audio included, when the variant has one.
 *
 * @param <R> the message type
 */
public final class Base64FieldDecoder<R> implements FrameDecoder<R> {

  private static final ThreadLocal<byte[]> REST = ThreadLocal.withInitial(() -> new byte[1024]);

  private final String field;
  private final TextDecoder<R> general;
  private final String tag;
  private final Map<String, TextDecoder<? extends R>> variants;
  private final BiFunction<R, byte[], R> withBytes;

  /**
   * @param field the top-level field that holds base64
   * @param general the decoder of any frame
   * @param tag the property that names a message's variant, or null for a message type without one
   * @param variants decoders of the variants whose {@code field} is base64, by tag value; a frame
   *     with another tag is bound by {@code general}
   * @param withBytes the message with the decoded bytes in the field, or null when the message
   *     read is not one whose field is base64 (then the frame is decoded again, whole)
   */
  public Base64FieldDecoder(
      String field,
      TextDecoder<R> general,
      String tag,
      Map<String, TextDecoder<? extends R>> variants,
      BiFunction<R, byte[], R> withBytes) {
    this.field = Objects.requireNonNull(field, "field");
    this.general = Objects.requireNonNull(general, "general");
    this.tag = tag;
    this.variants = Map.copyOf(variants);
    this.withBytes = Objects.requireNonNull(withBytes, "withBytes");
  }

  @Override
  public R decode(String frame) throws IOException {
    // The plain frame in one pass: its variant reads it whole, the audio included.
    if (tag != null) {
      String value = JsonTag.find(frame, tag);
      TextDecoder<? extends R> variant = value == null ? null : variants.get(value);
      R plain = variant == null ? null : variant.readPlain(frame);
      if (plain != null) return plain;
    }
    Base64Field.Found found = Base64Field.find(frame, field, tag);
    if (found == null) return general.decode(frame);
    byte[] bytes = Base64Field.decode(frame, found.start(), found.end());
    if (bytes == null) return general.decode(frame);
    String rest = new StringBuilder(frame.length() - (found.end() - found.start()))
        .append(frame, 0, found.start())
        .append(frame, found.end(), frame.length())
        .toString();
    TextDecoder<? extends R> variant = found.tag() == null ? null : variants.get(found.tag());
    R message;
    try {
      message =
          withBytes.apply(variant != null ? variant.decode(rest) : general.decode(rest), bytes);
    } catch (IOException notThisWay) {
      message = null; // the error to report is the general decoder's, of the whole frame
    }
    return message != null ? message : general.decode(frame);
  }

  /** The same from UTF-8 bytes: the audio is decoded in place, and the rest is bound from bytes too. */
  @Override
  public R decode(byte[] utf8, int offset, int length) throws IOException {
    int to = offset + length;
    if (tag != null) {
      String value = JsonTag.find(utf8, offset, to, tag);
      TextDecoder<? extends R> variant = value == null ? null : variants.get(value);
      R plain = variant == null ? null : variant.readPlain(utf8, offset, length);
      if (plain != null) return plain;
    }
    Base64Field.Found found = Base64Field.find(utf8, offset, to, field, tag);
    if (found == null) return general.decode(utf8, offset, length);
    byte[] bytes = Base64Field.decode(utf8, found.start(), found.end());
    if (bytes == null) return general.decode(utf8, offset, length);
    // The rest of the message, with the field emptied, in a buffer kept per thread: Jackson reads
    // it before this returns and keeps nothing of it.
    int head = found.start() - offset;
    int tail = to - found.end();
    byte[] rest = REST.get();
    if (rest.length < head + tail) {
      rest = new byte[Math.max(head + tail, rest.length * 2)];
      REST.set(rest);
    }
    System.arraycopy(utf8, offset, rest, 0, head);
    System.arraycopy(utf8, found.end(), rest, head, tail);
    TextDecoder<? extends R> variant = found.tag() == null ? null : variants.get(found.tag());
    R message;
    try {
      message = withBytes.apply(
          variant != null
              ? variant.decode(rest, 0, head + tail)
              : general.decode(rest, 0, head + tail),
          bytes);
    } catch (IOException notThisWay) {
      message = null;
    }
    return message != null ? message : general.decode(utf8, offset, length);
  }
}
