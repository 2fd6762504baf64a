package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Resource;
import ai.cartesia.generator.model.Security;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeDecl.ObjectDecl;
import com.palantir.javapoet.ClassName;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The emit stage's naming component: every name of generated code that the model does not
 * decide is derived here from the model's names, so that an emitter that declares a name and one
 * that refers to it cannot disagree.
 */
final class JavaNames {

  private final Packages packages;
  private final String rootClientName;

  JavaNames(Packages packages, ApiModel model) {
    this.packages = packages;
    this.rootClientName = model.clientName();
  }

  // ---------------------------------------------------------------- classes

  /** Nested types of generated files: an object's or a client's builder, an enum's known values. */
  static final String BUILDER = "Builder";

  static final String KNOWN = "Known";
  /** Nested types of a union's file: its visitor, the variant for unknown tags, its deserializer. */
  static final String VISITOR = "Visitor";

  static final String UNKNOWN = "Unknown";
  static final String DESERIALIZER = "Deserializer";

  ClassName rootClient(ApiModel model) {
    return ClassName.get(packages.root(), model.clientName());
  }

  /**
   * A resource's client, beside the root client: {@code PetsClient}, or {@code PetsResourceClient}
   * when the root client already has that name (a spec titled "Pets" with a tag "pets").
   */
  ClassName resourceClient(Resource resource) {
    String name = resource.javaName() + "Client";
    return packages.clientType(
        name.equals(rootClientName) ? resource.javaName() + "ResourceClient" : name);
  }

  ClassName service(Resource resource) {
    return packages.internalType(resource.javaName() + "Service");
  }

  /** The nested class of a resource client with the same operations returning raw responses. */
  ClassName rawResponses(Resource resource) {
    return resourceClient(resource).nestedClass("WithRawResponse");
  }

  ClassName protocol(Channel channel) {
    return packages.internalType(channel.javaName() + "Protocol");
  }

  ClassName streamDecoders() {
    return packages.internalType("StreamDecoders");
  }

  // ---------------------------------------------------------------- members of resource clients

  /** The field of a resource client that holds its raw-response view, and the method that returns it. */
  static final String RAW_RESPONSES_FIELD = "rawResponses";

  static final String RAW_RESPONSES_METHOD = "withRawResponse";

  /** The method that makes one call: for a paginated operation it fetches a single page. */
  static String callMethod(Operation operation) {
    return operation.pagination().isPresent()
        ? operation.methodName() + "Page"
        : operation.methodName();
  }

  static String asyncMethod(String blocking) {
    return blocking + "Async";
  }

  /** The private method that builds an operation's multipart form. */
  static String formMethod(Operation operation) {
    return operation.methodName() + "Form";
  }

  /** The field of a resource client that holds a channel's descriptor. */
  static String channelField(Channel channel) {
    return Character.toLowerCase(channel.javaName().charAt(0))
        + channel.javaName().substring(1) + "Channel";
  }

  // ---------------------------------------------------------------- members of models and decoders

  /** The decoder method of a streamed type in {@link #streamDecoders()}. */
  static String decoderMethod(String typeName) {
    return Character.toLowerCase(typeName.charAt(0)) + typeName.substring(1);
  }

  /** The method of {@link #streamDecoders()} that tells the last message of a stream. */
  static String endsMethod(String typeName) {
    return "isLast" + typeName;
  }

  /** A union visitor's method for a variant. */
  static String visitMethod(String variantName) {
    return "visit" + variantName;
  }

  /** An untagged union's factory of a variant: {@code OfListOfLong} gives {@code ofListOfLong}. */
  static String factoryMethod(String variantName) {
    return variantName.startsWith("Of") && variantName.length() > 2
        ? "of" + variantName.substring(2)
        : "of" + variantName;
  }

  /** The accessor of a discriminator property, on the union and on its variants. */
  static String tagAccessor(String wireName) {
    return Naming.memberName(wireName);
  }

  /**
   * The field telling whether JSON read had an optional tag ({@code typeAsRead}): a missing node
   * when it had none (the tag is then not written back), otherwise the node read, or null for an
   * object built in code; the tag written is always the variant's own.
   */
  static String tagAsRead(ObjectDecl object, TypeDecl.Tag tag) {
    return jsonHook(object, tagAccessor(tag.wireName()) + "AsRead");
  }

  /** The parameter of a visitor method, named after the variant it takes. */
  static String variantParameter(String variantName) {
    return Naming.memberName(variantName);
  }

  /** The builder's flag that a required nullable field was set, even to null. */
  static String setFlag(Field field) {
    return field.javaName() + "IsSet";
  }

  /** The builder method that leaves a field out of the JSON again. */
  static String unsetMethod(Field field) {
    return "unset" + Character.toUpperCase(field.javaName().charAt(0))
        + field.javaName().substring(1);
  }

  /**
   * A name for a member only Jackson uses, different from every name the object's properties
   * give members of the model or its builder: wire names, Java names, the builder's flags and
   * {@code unset} methods, tag accessors.
   */
  static String jsonHook(ObjectDecl object, String preferred) {
    Set<String> taken = new HashSet<>();
    object.fields().forEach(f -> {
      taken.add(f.wireName());
      taken.add(f.javaName());
      taken.add(setFlag(f));
      taken.add(unsetMethod(f));
    });
    object.tags().forEach(t -> {
      taken.add(t.wireName());
      taken.add(tagAccessor(t.wireName()));
    });
    String name = preferred;
    for (int n = 2; taken.contains(name); n++) name = preferred + n;
    return name;
  }

  // ---------------------------------------------------------------- the root client's
  // configuration

  /** The product of the User-Agent header: {@code cartesia-java}. */
  static String userAgentProduct(ApiModel model) {
    return String.join("-", Naming.memberName(model.clientName()).toLowerCase(Locale.ROOT), "java");
  }

  /**
   * The environment variable read for a credential: {@code CARTESIA_API_KEY} for the API key,
   * {@code SHOP_BEARER_TOKEN} for a bearer token, {@code SHOP_APP_ID} for a key named {@code appId}.
   */
  static String credentialVariable(ApiModel model, Security.Credential credential) {
    return Naming.constantName(model.clientName()) + "_" + Naming.constantName(credential.name());
  }

  /** The root client's constant that names {@link #credentialVariable}: {@code API_KEY_ENVIRONMENT_VARIABLE}. */
  static String credentialVariableConstant(Security.Credential credential) {
    return Naming.constantName(credential.name()) + "_ENVIRONMENT_VARIABLE";
  }

  /** The environment variable read for the base URL, such as {@code CARTESIA_BASE_URL}. */
  static String baseUrlVariable(ApiModel model) {
    return Naming.constantName(model.clientName()) + "_BASE_URL";
  }
}
