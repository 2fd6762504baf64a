package ai.cartesia.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A file to send in a multipart form: from a path (streamed from disk), from bytes, or from an
 * input stream (streamed once, so a call that uploads one is never retried).
 */
public final class FileUpload {

  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

  private final String filename;
  private final RequestBody body;

  private FileUpload(String filename, RequestBody body) {
    this.filename = Objects.requireNonNull(filename, "filename");
    this.body = body;
  }

  /** The file at the path, read as the request is written. */
  public static FileUpload of(Path path) {
    if (!Files.isReadable(path)) throw new IllegalArgumentException("cannot read " + path);
    return new FileUpload(
        path.getFileName().toString(), RequestBody.create(path.toFile(), OCTET_STREAM));
  }

  public static FileUpload of(byte[] bytes, String filename) {
    return new FileUpload(filename, RequestBody.create(bytes.clone(), OCTET_STREAM));
  }

  /** Bytes read from the stream as the request is written; the stream is closed afterwards. */
  public static FileUpload of(InputStream stream, String filename) {
    Objects.requireNonNull(stream, "stream");
    return new FileUpload(filename, new RequestBody() {
      @Override
      public MediaType contentType() {
        return OCTET_STREAM;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        try (Source source = Okio.source(stream)) {
          sink.writeAll(source);
        }
      }
    });
  }

  public String filename() {
    return filename;
  }

  /** The request body of the part. */
  public RequestBody body() {
    return body;
  }

  @Override
  public String toString() {
    return "FileUpload{" + filename + "}";
  }
}
