package ai.cartesia.generator.check;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Resource;
import ai.cartesia.generator.model.TypeDecl;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which part of the spec a place in the generated code came from: a model type's file from its
 * schema, a method of a resource's client or service from its operation or channel. The model
 * keeps the pointers; the rest follows from the names the generator gave.
 */
final class SpecLocations {

  /** Where code belongs that no single spec element made (the root client, shared helpers). */
  static final String DOCUMENT = "#";

  private final String modelFolder;
  private final Map<String, String> typePointers = new HashMap<>();
  private final List<Resource> resources;
  private final List<Channel> channels;

  SpecLocations(ApiModel model, String rootPackage) {
    this.modelFolder = (rootPackage + ".model").replace('.', '/');
    for (TypeDecl type : model.types()) typePointers.put(type.name(), type.pointer());
    this.resources = model.resources();
    this.channels = model.channels();
  }

  /** The JSON pointer of the spec element behind an error's place in the generated code. */
  String pointer(InProcessJavac.Error error) {
    Path folder = error.file().getParent();
    boolean inModels = folder != null && folder.toString().replace('\\', '/').equals(modelFolder);
    String type = topLevelType(error);
    if (inModels) {
      String pointer = typePointers.get(type);
      if (pointer != null) return pointer;
    }
    if (error.method().isPresent()) {
      Optional<String> member = memberPointer(type, error.method().get());
      if (member.isPresent()) return member.get();
    }
    return DOCUMENT;
  }

  /** The file's type; an error before it (an import) belongs to it too. */
  private static String topLevelType(InProcessJavac.Error error) {
    if (!error.types().isEmpty()) return error.types().get(0);
    String name =
        error.file().getFileName() == null ? "" : error.file().getFileName().toString();
    return name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : name;
  }

  /**
   * An operation or channel of the resource whose generated class (client, service) is named
   * after it, with the method's name; the longest resource name wins, so {@code VoiceChanger}
   * beats {@code Voice}.
   */
  private Optional<String> memberPointer(String className, String method) {
    Resource owner = null;
    for (Resource resource : resources) {
      if (className.startsWith(resource.javaName())
          && (owner == null || resource.javaName().length() > owner.javaName().length())) {
        owner = resource;
      }
    }
    if (owner == null) return Optional.empty();
    // The async and raw variants of a call start with its name; the longest such name is the one.
    String best = null;
    String bestName = "";
    for (Operation operation : owner.operations()) {
      if (method.startsWith(operation.methodName())
          && operation.methodName().length() > bestName.length()) {
        best = operation.pointer();
        bestName = operation.methodName();
      }
    }
    for (Channel channel : channels) {
      if (channel.resource().equals(owner.accessor())
          && method.startsWith(channel.methodName())
          && channel.methodName().length() > bestName.length()) {
        best = channel.pointer();
        bestName = channel.methodName();
      }
    }
    return Optional.ofNullable(best);
  }
}
