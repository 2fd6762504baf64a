package ai.cartesia.core.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration of the SDK. */
public final class Json {

  private static final ObjectMapper MAPPER = newMapper();

  private Json() {}

  /** The shared mapper; it is thread-safe once configured, and must not be reconfigured. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A new mapper with the SDK's settings: unknown properties are tolerated (models keep them
   * themselves), dates stay ISO-8601 text with their offset, absent optional values are left
   * out.
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(OptionalNullableModule.create())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .build();
  }
}
