package ai.cartesia.core.internal.http;

import ai.cartesia.core.errors.ApiException;
import ai.cartesia.core.errors.SdkException;
import ai.cartesia.core.errors.TransportException;
import ai.cartesia.core.http.RawResponse;
import ai.cartesia.core.http.RequestOptions;
import ai.cartesia.core.http.RetryPolicy;
import ai.cartesia.core.internal.errors.ApiExceptions;
import ai.cartesia.core.internal.errors.Causes;
import ai.cartesia.core.internal.observe.Observer;
import ai.cartesia.core.internal.observe.Redaction;
import ai.cartesia.core.observe.RetryScheduled;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
  private final UnaryOperator<String> redact;
  private final Observer observer;
  private volatile boolean closed;

  public CallExecutor(
      RetryPolicy retries,
      ObjectMapper json,
      ScheduledExecutorService scheduler,
      UnaryOperator<String> redact,
      Observer observer) {
    this.retries = retries;
    this.json = json;
    this.scheduler = scheduler;
    this.redact = redact;
    this.observer = observer;
  }

  /** Runs the call, retrying as the policy allows, and returns the decoded body. */
  public <T> T execute(Call<T> call) {
    return executeAnswered(call).body();
  }

  /** As {@link #execute}, keeping the status and the headers of the response. */
  public <T> RawResponse<T> executeRaw(Call<T> call) {
    return executeAnswered(call).raw();
  }

  /** As {@link #executeRaw}, with the call that answered (the one a stream cancels when closed). */
  public <T> Answered<T> executeAnswered(Call<T> call) {
    RetryPolicy retries = policyFor(call);
    Call<T> attempt = call;
    for (int retry = 0; ; retry++) {
      checkOpen();
      Response<T> response;
      try {
        response = attempt.execute();
      } catch (JsonProcessingException e) {
        throw decodeFailure(attempt, e);
      } catch (IOException e) {
        if (attempt.isCanceled() || !isRetryable(e) || !retries.allowsAnother(retry))
          throw transportFailure(attempt, e);
        sleep(retrying(
            attempt, retry, retries.delay(retry, null), OptionalInt.empty(), e.toString()));
        attempt = attempt.clone();
        continue;
      } catch (RuntimeException e) {
        throw decodeFailure(attempt, e);
      }
      if (response.isSuccessful()) return answered(attempt, response);
      ApiException error = toException(attempt, response);
      if (!RetryPolicy.isRetryableStatus(response.code()) || !retries.allowsAnother(retry))
        throw error;
      sleep(retrying(
          attempt,
          retry,
          retries.delay(retry, response.headers()),
          OptionalInt.of(response.code()),
          "status " + response.code()));
      attempt = attempt.clone();
    }
  }

  /**
   * Runs the call without blocking. Retries are scheduled on the SDK's scheduler, never slept on
   * OkHttp's threads; cancelling the future cancels the call in flight.
   */
  public <T> CompletableFuture<T> executeAsync(Call<T> call) {
    return executeAsync(call, Answered::body);
  }

  /** As {@link #executeAsync(Call)}, turning the answer into the result (a stream of the body, say). */
  public <T, U> CompletableFuture<U> executeAsync(
      Call<T> call, Function<? super Answered<T>, ? extends U> then) {
    CompletableFuture<U> future = new CompletableFuture<>();
    AtomicReference<Call<T>> current = new AtomicReference<>(call);
    // Cancelled, timed out, or failed: the call in flight (if any) has no one left to answer.
    future.whenComplete((value, failure) -> {
      if (failure != null) current.get().cancel();
    });
    enqueue(call, 0, future, current, then);
    return future;
  }

  /** Stops retries: a retry due after this fails with "the client was closed" instead. */
  public void close() {
    closed = true;
  }

  private <T, U> void enqueue(
      Call<T> call,
      int retry,
      CompletableFuture<U> future,
      AtomicReference<Call<T>> current,
      Function<? super Answered<T>, ? extends U> then) {
    RetryPolicy retries = policyFor(call);
    current.set(call);
    if (future.isDone()) return;
    if (closed) {
      future.completeExceptionally(closedFailure());
      return;
    }
    call.enqueue(new Callback<T>() {
      @Override
      public void onResponse(Call<T> done, Response<T> response) {
        if (future.isDone()) {
          // Settled meanwhile (cancelled, timed out): no one waits for this response.
          closeQuietly(response.body());
          closeQuietly(response.errorBody());
          return;
        }
        if (response.isSuccessful()) {
          U result;
          try {
            result = then.apply(answered(done, response));
          } catch (RuntimeException e) {
            closeQuietly(response.body());
            future.completeExceptionally(e);
            return;
          }
          // Settled first by someone else (a timeout, say): no one will read this body, so free it.
          if (!future.complete(result)) closeQuietly(result);
          return;
        }
        ApiException error = toException(done, response);
        if (RetryPolicy.isRetryableStatus(response.code()) && retries.allowsAnother(retry)) {
          later(
              retrying(
                  done,
                  retry,
                  retries.delay(retry, response.headers()),
                  OptionalInt.of(response.code()),
                  "status " + response.code()),
              () -> enqueue(done.clone(), retry + 1, future, current, then));
        } else {
          future.completeExceptionally(error);
        }
      }

      @Override
      public void onFailure(Call<T> failed, Throwable t) {
        if (future.isDone()) return;
        if (t instanceof JsonProcessingException) {
          future.completeExceptionally(decodeFailure(failed, t));
        } else if (t instanceof IOException io
            && isRetryable(io)
            && !failed.isCanceled()
            && !closed
            && retries.allowsAnother(retry)) {
          later(
              retrying(
                  failed, retry, retries.delay(retry, null), OptionalInt.empty(), io.toString()),
              () -> enqueue(failed.clone(), retry + 1, future, current, then));
        } else if (t instanceof IOException io) {
          future.completeExceptionally(closed ? closedFailure() : transportFailure(failed, io));
        } else {
          future.completeExceptionally(decodeFailure(failed, t));
        }
      }
    });
  }

  private static <T> Answered<T> answered(Call<T> call, Response<T> response) {
    return new Answered<>(
        call, new RawResponse<>(response.code(), response.headers().toMultimap(), response.body()));
  }

  private static void closeQuietly(Object resource) {
    if (!(resource instanceof AutoCloseable closeable)) return;
    try {
      closeable.close();
    } catch (Exception ignored) {
      // nothing more can be freed
    }
  }

  /** Throws an {@link SdkException} if {@link #close()} was called. */
  public void checkOpen() {
    if (closed) throw closedFailure();
  }

  private static SdkException closedFailure() {
    return new SdkException("the client was closed; build a new one to make more calls");
  }

  /**
   * The client's policy, with the call's own retry count if it set one; none at all for a body
   * that can be sent only once (an upload from a stream).
   */
  private RetryPolicy policyFor(Call<?> call) {
    RequestBody body = call.request().body();
    if (body != null && body.isOneShot()) return retries.withMaxRetries(0);
    RequestOptions options = call.request().tag(RequestOptions.class);
    return options == null || options.maxRetries().isEmpty()
        ? retries
        : retries.withMaxRetries(options.maxRetries().get());
  }

  /** Reports the retry about to wait {@code delay}, and returns the delay. */
  private Duration retrying(
      Call<?> call, int retriesSoFar, Duration delay, OptionalInt status, String cause) {
    okhttp3.Request request = call.request();
    observer.retryScheduled(new RetryScheduled(
        request.method(),
        redact(Redaction.url(request.url())),
        PathTemplates.of(request),
        retriesSoFar + 1,
        delay,
        status,
        redact(cause)));
    return delay;
  }

  private void later(Duration delay, Runnable task) {
    scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A timeout or a dropped connection may pass; a cancelled call must not be repeated. */
  private static boolean isRetryable(IOException e) {
    return !"Canceled".equals(e.getMessage())
        && !(e instanceof InterruptedIOException && Thread.currentThread().isInterrupted());
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
        redact(
            call.request().method() + " " + call.request().url().encodedPath() + " failed: " + e),
        Causes.redacted(e, this::redact));
  }

  private SdkException decodeFailure(Call<?> call, Throwable e) {
    return new SdkException(
        redact("cannot read the response of " + call.request().method() + " "
            + call.request().url().encodedPath() + ": " + e),
        Causes.redacted(e, this::redact));
  }

  private String redact(String text) {
    return text == null ? null : redact.apply(text);
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
