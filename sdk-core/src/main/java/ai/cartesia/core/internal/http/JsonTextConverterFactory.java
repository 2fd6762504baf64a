package ai.cartesia.core.internal.http;

import ai.cartesia.core.internal.json.JsonText;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import retrofit2.Converter;
import retrofit2.Retrofit;

/** Writes path, query and header values as {@link JsonText} instead of their {@code toString()}. */
final class JsonTextConverterFactory extends Converter.Factory {

  private final ObjectMapper json;

  JsonTextConverterFactory(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Converter<?, String> stringConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    return value -> JsonText.of(json, value);
  }
}
