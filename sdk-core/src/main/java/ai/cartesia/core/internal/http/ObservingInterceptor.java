package ai.cartesia.core.internal.http;

import ai.cartesia.core.internal.errors.Causes;
import ai.cartesia.core.internal.observe.Observer;
import ai.cartesia.core.internal.observe.Redactor;
import ai.cartesia.core.observe.RequestEnded;
import ai.cartesia.core.observe.RequestStarted;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reports each HTTP exchange (each attempt of a call) to the client's {@link Observer}: its start
 * and its answer or failure, and at debug level its headers, credentials redacted. It runs after
 * the headers are set, so it logs what is sent. WebSocket handshakes are left to the WebSocket
 * connection, which reports them as opens and closes.
 */
final class ObservingInterceptor implements Interceptor {

  private final Observer observer;
  private final UnaryOperator<String> redact;
  private final Redactor redactor;

  ObservingInterceptor(Observer observer, UnaryOperator<String> redact, Redactor redactor) {
    this.observer = observer;
    this.redact = redact;
    this.redactor = redactor;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if ("websocket".equalsIgnoreCase(request.header("Upgrade"))) return chain.proceed(request);
    String url = redact.apply(redactor.url(request.url()));
    RequestStarted started =
        new RequestStarted(Observer.nextId(), request.method(), url, PathTemplates.of(request));
    observer
        .log()
        .debug(() -> redact.apply(
            "--> " + request.method() + " " + url + redactor.headers(request.headers())));
    observer.requestStarted(started);
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      observer.requestEnded(new RequestEnded(
          started, OptionalInt.empty(), since(start), Optional.of(Causes.redacted(e, redact))));
      throw e;
    }
    Duration duration = since(start);
    if (observer.log().debugEnabled()) {
      observer
          .log()
          .debug(() -> redact.apply("<-- " + response.code() + " " + request.method() + " " + url
              + redactor.headers(response.headers())));
    }
    observer.requestEnded(
        new RequestEnded(started, OptionalInt.of(response.code()), duration, Optional.empty()));
    return response;
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
