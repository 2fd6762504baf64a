package ai.cartesia.core.internal.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;
import retrofit2.Invocation;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HEAD;
import retrofit2.http.HTTP;
import retrofit2.http.OPTIONS;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;

/**
 * The path template of the operation a request was made from ({@code voices/{id}}), read from
 * its Retrofit annotation: one value per operation, unlike the URL, so metrics can be tagged by it.
 */
final class PathTemplates {

  private static final Map<Method, Optional<String>> CACHE = new ConcurrentHashMap<>();

  private PathTemplates() {}

  static Optional<String> of(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    return invocation == null
        ? Optional.empty()
        : CACHE.computeIfAbsent(invocation.method(), PathTemplates::read);
  }

  private static Optional<String> read(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      String path = pathOf(annotation);
      if (path != null) return Optional.of(path);
    }
    return Optional.empty();
  }

  private static String pathOf(Annotation annotation) {
    if (annotation instanceof GET a) return a.value();
    if (annotation instanceof POST a) return a.value();
    if (annotation instanceof PUT a) return a.value();
    if (annotation instanceof DELETE a) return a.value();
    if (annotation instanceof PATCH a) return a.value();
    if (annotation instanceof HEAD a) return a.value();
    if (annotation instanceof OPTIONS a) return a.value();
    if (annotation instanceof HTTP a) return a.path();
    return null;
  }
}
