package ai.cartesia.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Plain HTTP calls to a fake, as any client makes them: no SDK in between. */
final class FakeHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer read whole. */
  record Answer(int status, okhttp3.Headers headers, byte[] body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final FakeCartesiaServer fake;
  private final OkHttpClient http =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  FakeHttp(FakeCartesiaServer fake) {
    this.fake = fake;
  }

  /** A request to {@code path} (no leading slash) with the fake's key and version. */
  Request.Builder request(String path) {
    return new Request.Builder()
        .url(fake.baseUrl() + path)
        .header("X-API-Key", fake.apiKey())
        .header("Cartesia-Version", fake.version());
  }

  Answer get(String path) {
    return call(request(path).get().build());
  }

  Answer postJson(String path, String json) {
    return call(request(path)
        .post(RequestBody.create(json, MediaType.get("application/json")))
        .build());
  }

  Answer call(Request request) {
    try (Response response = http.newCall(request).execute()) {
      return new Answer(response.code(), response.headers(), response.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
