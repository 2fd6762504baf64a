package ai.cartesia.generator.emit;

import com.palantir.javapoet.MethodSpec;
import java.util.List;

/**
 * One part of a resource client: the methods it writes for one element of the model (an
 * operation or a channel). The resource client emitter asks each part in turn, in a fixed order.
 */
interface ClientMethods<T> {

  List<MethodSpec> methods(T element);
}
