package ai.cartesia.core.internal.http;

import ai.cartesia.core.errors.TransportException;
import java.io.IOException;
import okhttp3.ResponseBody;

/**
 * Reads a {@code text/*} response into a string, in the charset its content type names (UTF-8
 * if none). Called by generated code only.
 */
public final class ResponseText {

  private ResponseText() {}

  /** The whole body as text; the response is closed. */
  public static String of(ResponseBody body) {
    try (body) {
      return body.string();
    } catch (IOException e) {
      throw new TransportException("cannot read the response: " + e.getMessage(), e);
    }
  }
}
