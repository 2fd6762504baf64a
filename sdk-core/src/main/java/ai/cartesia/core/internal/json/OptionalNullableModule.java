package ai.cartesia.core.internal.json;

import ai.cartesia.core.json.OptionalNullable;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Jackson support for {@link OptionalNullable}: absent is left out, null is written as null. */
final class OptionalNullableModule {

  private OptionalNullableModule() {}

  static SimpleModule create() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<OptionalNullable<?>> type = (Class) OptionalNullable.class;
    return new SimpleModule("OptionalNullable").addSerializer(new Serializer(type));
  }

  /** Writes the value or null; an absent value counts as empty, so the property is left out. */
  private static final class Serializer extends StdSerializer<OptionalNullable<?>> {
    Serializer(Class<OptionalNullable<?>> type) {
      super(type);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, OptionalNullable<?> value) {
      return value == null || value.isAbsent();
    }

    @Override
    public void serialize(OptionalNullable<?> value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.isPresent()) {
        provider.defaultSerializeValue(value.get(), gen);
      } else {
        gen.writeNull();
      }
    }
  }
}
