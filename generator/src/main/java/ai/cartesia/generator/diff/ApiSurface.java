package ai.cartesia.generator.diff;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Channel;
import ai.cartesia.generator.model.Field;
import ai.cartesia.generator.model.Operation;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.Resource;
import ai.cartesia.generator.model.TypeDecl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What Java callers of a generated SDK can use, one element per type, field, enum constant, union
 * variant, operation, parameter and channel. Elements are keyed by what identifies them on the
 * wire (a schema's pointer, a property's name, an operation id), so that a changed Java name shows
 * as a rename, not as a removal and an unrelated addition.
 */
final class ApiSurface {

  private ApiSurface() {}

  /** Which kind of element, in the order the report lists them. */
  enum Kind {
    RESOURCE("resource"),
    TYPE("type"),
    FIELD("field"),
    ENUM_VALUE("enum value"),
    VARIANT("union variant"),
    OPERATION("operation"),
    PARAMETER("parameter"),
    CHANNEL("channel");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    static Kind ofLabel(String label) {
      for (Kind kind : values()) if (kind.label.equals(label)) return kind;
      throw new IllegalArgumentException(label);
    }
  }

  /**
   * One element.
   *
   * @param owner the Java name of the type or operation it belongs to, for grouping (empty for
   *     types, operations and channels themselves)
   * @param java how a caller writes it, such as {@code TtsRequest.useNormalizedTimestamps()}
   * @param traits what a change of breaks callers, by name: the Java type, requiredness, ...
   */
  record Element(
      Kind kind, String key, String owner, String java, Map<String, String> traits, String parent) {

    Element(Kind kind, String key, String owner, String java, Map<String, String> traits) {
      this(kind, key, owner, java, traits, "");
    }

    /** The same element as a member of {@code parent}: added or removed with it, not on its own. */
    Element in(Kind parentKind, String parentKey) {
      return new Element(kind, key, owner, java, traits, id(parentKind, parentKey));
    }

    String id() {
      return id(kind, key);
    }

    static String id(Kind kind, String key) {
      return kind.ordinal() + " " + key;
    }
  }

  static SortedMap<String, Element> of(ApiModel model) {
    SortedMap<String, Element> elements = new TreeMap<>();
    Map<String, String> pointerOf = new LinkedHashMap<>();
    for (TypeDecl type : model.types()) pointerOf.put(type.name(), type.pointer());
    for (TypeDecl type : model.types()) type.accept(new TypeElements(elements, pointerOf));
    for (Resource resource : model.resources()) {
      add(
          elements,
          new Element(
              Kind.RESOURCE,
              resource.accessor(),
              "",
              "client." + resource.accessor() + "()",
              Map.of()));
      for (Operation operation : resource.operations()) addOperation(elements, resource, operation);
    }
    for (Channel channel : model.channels()) addChannel(elements, channel);
    return elements;
  }

  private static void add(SortedMap<String, Element> elements, Element element) {
    elements.put(element.id(), element);
  }

  private static void addOperation(
      SortedMap<String, Element> elements, Resource resource, Operation operation) {
    String key = "operation " + operation.operationId();
    String call = resource.accessor() + "()." + operation.methodName();
    Map<String, String> traits = new LinkedHashMap<>();
    traits.put(
        "HTTP",
        operation.httpMethod().toUpperCase(java.util.Locale.ROOT) + " /" + operation.path());
    traits.put("request object", operation.requestObject().orElse("none"));
    traits.put("body", operation.body().map(JavaTypes::of).orElse("none"));
    traits.put("returns", JavaTypes.of(operation.response()));
    // Operations and channels are listed even when their resource is new: each is a thing to call.
    add(elements, new Element(Kind.OPERATION, key, "", call + "(...)", traits));
    for (Parameter parameter : operation.callerParameters()) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("type", JavaTypes.of(parameter.type()));
      p.put("required", Boolean.toString(parameter.required()));
      p.put("in", parameter.location().name().toLowerCase(java.util.Locale.ROOT));
      add(
          elements,
          new Element(
                  Kind.PARAMETER,
                  key + " " + parameter.location() + " " + parameter.wireName(),
                  call,
                  call + "(" + parameter.javaName() + ")",
                  p)
              .in(Kind.OPERATION, key));
    }
  }

  private static void addChannel(SortedMap<String, Element> elements, Channel channel) {
    Map<String, String> traits = new LinkedHashMap<>();
    traits.put("path", "/" + channel.path());
    traits.put(
        "sends",
        channel.send().map(JavaTypes::of).orElse("none")
            + (channel.sendsBinary() ? " and audio" : ""));
    traits.put("receives", JavaTypes.of(channel.receive()));
    traits.put("multiplexed", Boolean.toString(channel.contexts().isPresent()));
    String call = channel.resource() + "()." + channel.methodName();
    add(
        elements,
        new Element(Kind.CHANNEL, "channel " + channel.name(), "", call + "(...)", traits));
    for (Parameter parameter : channel.parameters()) {
      if (parameter.constant().isPresent()) continue;
      Map<String, String> p = new LinkedHashMap<>();
      p.put("type", JavaTypes.of(parameter.type()));
      p.put("required", Boolean.toString(parameter.required()));
      add(
          elements,
          new Element(
                  Kind.PARAMETER,
                  "channel " + channel.name() + " " + parameter.wireName(),
                  call,
                  call + "(" + parameter.javaName() + ")",
                  p)
              .in(Kind.CHANNEL, "channel " + channel.name()));
    }
  }

  /** The elements of one declaration: the type itself and its members. */
  private record TypeElements(SortedMap<String, Element> elements, Map<String, String> pointerOf)
      implements TypeDecl.Visitor<Void> {

    private void type(TypeDecl type, String kind) {
      add(elements, new Element(Kind.TYPE, type.pointer(), "", type.name(), Map.of("kind", kind)));
    }

    @Override
    public Void visitObject(TypeDecl.ObjectDecl object) {
      type(object, "object");
      for (Field field : object.fields()) {
        if (field.constant().isPresent()) continue; // the SDK writes it; callers never see it
        Map<String, String> traits = new LinkedHashMap<>();
        traits.put("returns", JavaTypes.accessor(field));
        traits.put("required", Boolean.toString(field.required()));
        add(
            elements,
            new Element(
                    Kind.FIELD,
                    object.pointer() + " " + field.wireName(),
                    object.name(),
                    object.name() + "." + field.javaName() + "()",
                    traits)
                .in(Kind.TYPE, object.pointer()));
      }
      return null;
    }

    @Override
    public Void visitEnum(TypeDecl.EnumDecl enumeration) {
      type(enumeration, "enum");
      for (TypeDecl.EnumValue value : enumeration.values()) {
        add(
            elements,
            new Element(
                    Kind.ENUM_VALUE,
                    enumeration.pointer() + " " + value.wireValue(),
                    enumeration.name(),
                    enumeration.name() + "." + value.javaName(),
                    Map.of())
                .in(Kind.TYPE, enumeration.pointer()));
      }
      return null;
    }

    @Override
    public Void visitDiscriminatedUnion(TypeDecl.DiscriminatedUnion union) {
      type(union, "union tagged by " + union.property());
      for (TypeDecl.Variant variant : union.variants()) {
        String type = variant.type();
        add(
            elements,
            new Element(
                    Kind.VARIANT,
                    union.pointer() + " " + variant.tag(),
                    union.name(),
                    union.name() + " \"" + variant.tag() + "\"",
                    Map.of("type", type))
                .in(Kind.TYPE, union.pointer()));
      }
      return null;
    }

    @Override
    public Void visitUntaggedUnion(TypeDecl.UntaggedUnion union) {
      type(union, "union");
      for (TypeDecl.ShapeVariant variant : union.variants()) {
        add(
            elements,
            new Element(
                    Kind.VARIANT,
                    union.pointer() + " " + JavaTypes.of(variant.type()),
                    union.name(),
                    union.name() + "." + variant.javaName(),
                    Map.of("type", JavaTypes.of(variant.type())))
                .in(Kind.TYPE, union.pointer()));
      }
      return null;
    }

    @Override
    public Void visitRequest(TypeDecl.RequestDecl request) {
      type(request, "request object");
      for (TypeDecl.RequestField field : request.fields()) {
        Map<String, String> traits = new LinkedHashMap<>();
        traits.put("type", JavaTypes.of(field.type()));
        traits.put("required", Boolean.toString(field.required()));
        traits.put("in", field.source().name().toLowerCase(java.util.Locale.ROOT));
        add(
            elements,
            new Element(
                    Kind.FIELD,
                    request.pointer() + " " + field.source() + " " + field.wireName(),
                    request.name(),
                    request.name() + "." + field.javaName() + "()",
                    traits)
                .in(Kind.TYPE, request.pointer()));
      }
      return null;
    }
  }
}
