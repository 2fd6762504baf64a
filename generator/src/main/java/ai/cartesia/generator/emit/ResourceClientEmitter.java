package ai.cartesia.generator.emit;

import static ai.cartesia.generator.emit.ClientSupport.CONTEXT;
import static ai.cartesia.generator.emit.ClientSupport.SERVICE;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Resource;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits the typed client of a resource, part by part: per operation its call methods (blocking
 * and asynchronous, each also taking {@code RequestOptions}), its pager and its form; per
 * WebSocket channel its connect methods and helpers; and the raw-response view. Retrofit stays
 * behind it.
 */
final class ResourceClientEmitter {

  /**
   * Every name the bodies of generated call methods use for fields, locals and lambda parameters,
   * gathered from the parts that declare them, so that no parameter of the spec shadows one.
   */
  static final Set<String> CALL_LOCALS = union(
      Set.of(CONTEXT, SERVICE),
      OperationSignatures.LOCALS,
      CallMethods.LOCALS,
      PagerMethods.LOCALS,
      FormMethods.LOCALS,
      ChannelMethods.LOCALS);

  private final ClientSupport support;
  private final List<ClientMethods<Operation>> operationParts;
  private final ChannelMethods channelPart;
  private final RawResponses rawResponses;

  ResourceClientEmitter(ApiModel model, Packages packages, JavaTypes types, JavaNames names) {
    this.support = new ClientSupport(model, packages, types, names);
    OperationSignatures signatures = new OperationSignatures(support);
    CallMethods calls = new CallMethods(support, signatures);
    this.operationParts =
        List.of(calls, new PagerMethods(support, signatures), new FormMethods(support));
    this.channelPart = new ChannelMethods(support);
    this.rawResponses = new RawResponses(support, signatures, calls);
  }

  TypeSpec emit(Resource resource, List<Channel> channels) {
    TypeSpec.Builder type = TypeSpec.classBuilder(support.names.resourceClient(resource))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Javadocs.of(resource.docs()));
    type.addField(RuntimeTypes.CLIENT_CONTEXT, CONTEXT, Modifier.PRIVATE, Modifier.FINAL);
    // Package-private: only the top-level client, beside it, makes one and shares its context.
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(RuntimeTypes.CLIENT_CONTEXT, CONTEXT)
        .addStatement("this.$N = $N", CONTEXT, CONTEXT);
    if (!resource.operations().isEmpty()) {
      ClassName service = support.names.service(resource);
      type.addField(service, SERVICE, Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement(
          "this.$N = $N.$N($T.class)", SERVICE, CONTEXT, RuntimeMethods.SERVICE, service);
    }
    for (Channel channel : channels) {
      type.addField(channelPart.field(channel));
      constructor.addStatement(
          "this.$N = $L", JavaNames.channelField(channel), channelPart.descriptor(channel));
    }
    type.addMethod(constructor.build());
    for (Operation operation : resource.operations()) {
      for (ClientMethods<Operation> part : operationParts) type.addMethods(part.methods(operation));
    }
    for (Channel channel : channels) type.addMethods(channelPart.methods(channel));
    if (!resource.operations().isEmpty()) rawResponses.addTo(type, resource);
    return type.build();
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new HashSet<>();
    for (Set<String> set : sets) all.addAll(set);
    return Set.copyOf(all);
  }
}
