package ai.cartesia.generator;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Response;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeRef;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The intermediate model as JSON, for debugging a spec and for snapshot tests. Each value of a
 * sealed type says which one it is in a {@code kind} property.
 */
public final class ModelDump {

  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
  private interface Kinded {}

  @JsonIgnoreProperties({"empty"})
  private interface DerivedPropertiesHidden {}

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addMixIn(TypeDecl.class, Kinded.class)
      .addMixIn(TypeRef.class, Kinded.class)
      .addMixIn(Body.class, Kinded.class)
      .addMixIn(Response.class, Kinded.class)
      .addMixIn(Docs.class, DerivedPropertiesHidden.class)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private ModelDump() {}

  public static String toJson(ApiModel model) {
    try {
      return MAPPER.writeValueAsString(model) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the model cannot be written as JSON", e);
    }
  }
}
