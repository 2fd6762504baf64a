package ai.cartesia.generator.emit;

import com.palantir.javapoet.ClassName;

/**
 * Where generated types go. Users see the root package (the client, its resource clients and
 * typed sessions) and the models; what only generated code calls (Retrofit services, decoders,
 * channel protocols) goes to {@code internal}, so that the resource clients' constructors can be
 * package-private and the public API shows nothing users must not call.
 */
record Packages(String root) {

  String model() {
    return root + ".model";
  }

  /** Retrofit services, stream decoders, channel protocols and stream errors: not API. */
  String internal() {
    return root + ".internal";
  }

  ClassName modelType(String simpleName) {
    return ClassName.get(model(), simpleName);
  }

  /** A class users call: a resource client or a typed session, beside the root client. */
  ClassName clientType(String simpleName) {
    return ClassName.get(root, simpleName);
  }

  ClassName internalType(String simpleName) {
    return ClassName.get(internal(), simpleName);
  }
}
