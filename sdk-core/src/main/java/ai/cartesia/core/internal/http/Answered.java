package ai.cartesia.core.internal.http;

import ai.cartesia.core.http.RawResponse;
import retrofit2.Call;

/**
 * A successful response with the call that got it: after retries that is a clone of the call
 * first made, and the one to cancel to stop a stream still being read.
 */
public record Answered<T>(Call<T> call, RawResponse<T> raw) {

  public T body() {
    return raw.body();
  }
}
