package ai.cartesia.generator.emit;

import com.palantir.javapoet.ClassName;

/** Where generated types go: the root client, models, and resource services and clients. */
record Packages(String root) {

  String model() {
    return root + ".model";
  }

  String resources() {
    return root + ".resources";
  }

  ClassName modelType(String simpleName) {
    return ClassName.get(model(), simpleName);
  }

  ClassName resourceType(String simpleName) {
    return ClassName.get(resources(), simpleName);
  }
}
