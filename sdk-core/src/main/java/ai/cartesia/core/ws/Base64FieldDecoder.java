package ai.cartesia.core.ws;

import ai.cartesia.core.json.Base64Field;
import ai.cartesia.core.json.TextDecoder;
import java.io.IOException;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Decodes messages whose one large field is base64 audio: the audio goes straight from the
 * frame's characters into bytes, and the general decoder binds only the rest of the frame, with
 * that field emptied. Any frame the fast path cannot take whole goes to the general decoder
 * as it is, so both always give the same message.
 *
 * @param <R> the message type
 */
public final class Base64FieldDecoder<R> implements FrameDecoder<R> {

  private final String field;
  private final TextDecoder<R> general;
  private final BiFunction<R, byte[], R> withBytes;

  /**
   * @param field the top-level field that holds base64
   * @param general the decoder of any frame
   * @param withBytes the message with the decoded bytes in the field, or null when the message
   *     read is not one whose field is base64 (then the frame is decoded again, whole)
   */
  public Base64FieldDecoder(String field, TextDecoder<R> general, BiFunction<R, byte[], R> withBytes) {
    this.field = Objects.requireNonNull(field, "field");
    this.general = Objects.requireNonNull(general, "general");
    this.withBytes = Objects.requireNonNull(withBytes, "withBytes");
  }

  @Override
  public R decode(String frame) throws IOException {
    long span = Base64Field.span(frame, field);
    if (span == Base64Field.NOT_FOUND) return general.decode(frame);
    int start = Base64Field.start(span);
    int end = Base64Field.end(span);
    byte[] bytes = Base64Field.decode(frame, start, end);
    if (bytes == null) return general.decode(frame);
    String rest = new StringBuilder(frame.length() - (end - start))
        .append(frame, 0, start).append(frame, end, frame.length()).toString();
    R message = withBytes.apply(general.decode(rest), bytes);
    return message != null ? message : general.decode(frame);
  }
}
