package ai.cartesia.core.http;

import ai.cartesia.core.Secret;
import ai.cartesia.core.errors.ApiException;
import ai.cartesia.core.errors.ApiExceptions;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.TransportException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs Retrofit calls with the retry policy, and turns failures into the SDK's exceptions: an
 * {@link ApiException} subclass for an error status, a {@link TransportException} when no
 * complete answer came.
 */
public final class CallExecutor {

  private final RetryPolicy retries;
  private final ObjectMapper json;
  private final ScheduledExecutorService scheduler;
  private final Secret secret;

  public CallExecutor(RetryPolicy retries, ObjectMapper json, ScheduledExecutorService scheduler, Secret secret) {
    this.retries = retries;
    this.json = json;
    this.scheduler = scheduler;
    this.secret = secret;
  }

  /** Runs the call, retrying as the policy allows, and returns the decoded body. */
  public <T> T execute(Call<T> call) {
    return executeRaw(call).body();
  }

  /** As {@link #execute}, keeping the status and the headers of the response. */
  public <T> RawResponse<T> executeRaw(Call<T> call) {
    RetryPolicy retries = policyFor(call);
    Call<T> attempt = call;
    for (int retry = 0; ; retry++) {
      Response<T> response;
      try {
        response = attempt.execute();
      } catch (JsonProcessingException e) {
        throw decodeFailure(attempt, e);
      } catch (IOException e) {
        if (!isRetryable(e) || !retries.allowsAnother(retry)) throw transportFailure(attempt, e);
        sleep(retries.delay(retry, null));
        attempt = attempt.clone();
        continue;
      } catch (RuntimeException e) {
        throw decodeFailure(attempt, e);
      }
      if (response.isSuccessful()) return new RawResponse<>(response.code(), response.headers().toMultimap(), response.body());
      ApiException error = toException(attempt, response);
      if (!RetryPolicy.isRetryableStatus(response.code()) || !retries.allowsAnother(retry)) throw error;
      sleep(retries.delay(retry, response.headers()));
      attempt = attempt.clone();
    }
  }

  /**
   * Runs the call without blocking. Retries are scheduled on the SDK's scheduler, never slept on
   * OkHttp's threads; cancelling the future cancels the call in flight.
   */
  public <T> CompletableFuture<T> executeAsync(Call<T> call) {
    CompletableFuture<T> future = new CompletableFuture<>();
    AtomicReference<Call<T>> current = new AtomicReference<>(call);
    future.whenComplete((value, failure) -> {
      if (future.isCancelled()) current.get().cancel();
    });
    enqueue(call, 0, future, current);
    return future;
  }

  private <T> void enqueue(Call<T> call, int retry, CompletableFuture<T> future, AtomicReference<Call<T>> current) {
    RetryPolicy retries = policyFor(call);
    current.set(call);
    if (future.isDone()) return;
    call.enqueue(new Callback<T>() {
      @Override
      public void onResponse(Call<T> done, Response<T> response) {
        if (response.isSuccessful()) {
          future.complete(response.body());
          return;
        }
        ApiException error = toException(done, response);
        if (RetryPolicy.isRetryableStatus(response.code()) && retries.allowsAnother(retry)) {
          later(retries.delay(retry, response.headers()), () -> enqueue(done.clone(), retry + 1, future, current));
        } else {
          future.completeExceptionally(error);
        }
      }

      @Override
      public void onFailure(Call<T> failed, Throwable t) {
        if (future.isDone()) return;
        if (t instanceof JsonProcessingException) {
          future.completeExceptionally(decodeFailure(failed, t));
        } else if (t instanceof IOException io && isRetryable(io) && !failed.isCanceled() && retries.allowsAnother(retry)) {
          later(retries.delay(retry, null), () -> enqueue(failed.clone(), retry + 1, future, current));
        } else if (t instanceof IOException io) {
          future.completeExceptionally(transportFailure(failed, io));
        } else {
          future.completeExceptionally(decodeFailure(failed, t));
        }
      }
    });
  }

  /**
   * The client's policy, with the call's own retry count if it set one; none at all for a body
   * that can be sent only once (an upload from a stream).
   */
  private RetryPolicy policyFor(Call<?> call) {
    RequestBody body = call.request().body();
    if (body != null && body.isOneShot()) return retries.withMaxRetries(0);
    RequestOptions options = call.request().tag(RequestOptions.class);
    return options == null || options.maxRetries().isEmpty() ? retries : retries.withMaxRetries(options.maxRetries().get());
  }

  private void later(Duration delay, Runnable task) {
    scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A timeout or a dropped connection may pass; a cancelled call must not be repeated. */
  private static boolean isRetryable(IOException e) {
    return !"Canceled".equals(e.getMessage()) && !(e instanceof InterruptedIOException && Thread.currentThread().isInterrupted());
  }

  private <T> ApiException toException(Call<T> call, Response<T> response) {
    String body;
    try (ResponseBody errorBody = response.errorBody()) {
      body = errorBody == null ? "" : errorBody.string();
    } catch (IOException e) {
      body = "";
    }
    return ApiExceptions.of(
        call.request().method(),
        call.request().url().encodedPath(),
        response.code(),
        response.headers().toMultimap(),
        redact(body),
        json);
  }

  private TransportException transportFailure(Call<?> call, IOException e) {
    return new TransportException(
        redact(call.request().method() + " " + call.request().url().encodedPath() + " failed: " + e), e);
  }

  private SdkException decodeFailure(Call<?> call, Throwable e) {
    return new SdkException(
        redact("cannot read the response of " + call.request().method() + " " + call.request().url().encodedPath() + ": " + e), e);
  }

  private String redact(String text) {
    return secret == null ? text : secret.redact(text);
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting to retry", e);
    }
  }
}
