package ai.cartesia.core.http;

import ai.cartesia.core.errors.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import okhttp3.ResponseBody;

/**
 * A binary response body, such as audio, read as it arrives: as a stream, or copied to a file.
 * It holds a connection open until it is read to the end or closed, so close it. A body that
 * breaks off is a {@link TransportException} from {@link #writeTo} and {@link #readAllBytes};
 * {@link #stream()} reports it as the {@code IOException} any stream reader expects.
 */
public final class BinaryResponse implements AutoCloseable {

  private final ResponseBody body;

  public BinaryResponse(ResponseBody body) {
    this.body = body;
  }

  /** The body as it arrives; read it once. */
  public InputStream stream() {
    return body.byteStream();
  }

  /** The content type the server declared, if any. */
  public Optional<String> contentType() {
    return Optional.ofNullable(body.contentType()).map(Object::toString);
  }

  /** Copies the body to the file (replacing it), a buffer at a time, and closes the response. */
  public long writeTo(Path file) {
    try (this;
        InputStream in = stream()) {
      return Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new TransportException(
          "cannot write the response to " + file + ": " + e.getMessage(), e);
    }
  }

  /** The whole body in memory; fine for short audio, not for long streams. */
  public byte[] readAllBytes() {
    try (this) {
      return body.bytes();
    } catch (IOException e) {
      throw new TransportException("cannot read the response: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    body.close();
  }
}
