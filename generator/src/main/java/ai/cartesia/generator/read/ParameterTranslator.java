package ai.cartesia.generator.read;

import ai.cartesia.generator.model.Body;
import ai.cartesia.generator.model.Docs;
import ai.cartesia.generator.model.Naming;
import ai.cartesia.generator.model.Parameter;
import ai.cartesia.generator.model.ReservedNames;
import ai.cartesia.generator.model.TypeDecl;
import ai.cartesia.generator.model.TypeDecl.RequestField;
import ai.cartesia.generator.model.TypeRef;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates the parameters of an operation (the path item's and its own, references followed),
 * and gathers the optional ones with the form fields in a request object.
 */
final class ParameterTranslator {

  private final SchemaTranslator schemas;
  private final Components components;
  private final Declarations declarations;
  private final Diagnostics diagnostics;
  private final ReservedNames reserved;

  ParameterTranslator(
      SchemaTranslator schemas,
      Components components,
      Declarations declarations,
      Diagnostics diagnostics,
      ReservedNames reserved) {
    this.schemas = schemas;
    this.components = components;
    this.declarations = declarations;
    this.diagnostics = diagnostics;
    this.reserved = reserved;
  }

  List<Parameter> parameters(PathItem item, Operation op, OperationIdentity identity) {
    String pointer = identity.pointer();
    Map<String, io.swagger.v3.oas.models.parameters.Parameter> merged = new LinkedHashMap<>();
    List<io.swagger.v3.oas.models.parameters.Parameter> all = new ArrayList<>();
    if (item.getParameters() != null) all.addAll(item.getParameters());
    if (op.getParameters() != null) all.addAll(op.getParameters());
    for (var parameter : all) {
      var resolved = components.resolveParameter(parameter);
      if (resolved == null) {
        diagnostics.error(
            pointer + "/parameters",
            "the reference '" + parameter.get$ref() + "' does not name a parameter");
        continue;
      }
      merged.put(resolved.getIn() + ":" + resolved.getName(), resolved);
    }
    // A parameter must not shadow what the generated call method's body declares.
    Naming.Scope names = Naming.Scope.reserving(reserved.callArguments());
    List<Parameter> result = new ArrayList<>();
    int i = 0;
    for (var parameter : merged.values()) {
      String where = pointer + "/parameters/" + i++;
      Parameter.Location location = switch (String.valueOf(parameter.getIn())) {
        case "path" -> Parameter.Location.PATH;
        case "query" -> Parameter.Location.QUERY;
        case "header" -> Parameter.Location.HEADER;
        default -> null;
      };
      if (location == null) {
        diagnostics.warn(
            where,
            "parameters in '" + parameter.getIn() + "' are not supported yet; it is left out");
        continue;
      }
      Schema<?> schema =
          parameter.getSchema() != null ? parameter.getSchema() : new Schema<>().type("string");
      Optional<String> constant =
          Boolean.TRUE.equals(parameter.getRequired()) || location == Parameter.Location.HEADER
              ? components.constantOf(schema)
              : Optional.empty();
      result.add(new Parameter(
          parameter.getName(),
          names.claim(Naming.memberName(parameter.getName())),
          location,
          constant.isPresent()
              ? TypeRef.primitive(SchemaShapes.scalarKind(components.resolve(schema)))
              : schemas.typeOf(
                  schema,
                  identity.stem() + declarations.typeName(parameter.getName()),
                  where + "/schema"),
          location == Parameter.Location.PATH || Boolean.TRUE.equals(parameter.getRequired()),
          SchemaShapes.defaultOf(schema),
          constant,
          new Docs(
              "", parameter.getDescription(), Boolean.TRUE.equals(parameter.getDeprecated()))));
    }
    return result;
  }

  /**
   * Gathers the query and header parameters and the form fields of an operation in an object
   * with a builder, when there are optional ones or a form: a call then names what it sets,
   * instead of passing a row of nulls.
   */
  Optional<String> requestObject(
      String preferredName,
      String pointer,
      Docs docs,
      List<Parameter> parameters,
      Optional<Body> body) {
    List<Parameter> gathered = parameters.stream()
        .filter(p -> p.constant().isEmpty() && p.location() != Parameter.Location.PATH)
        .toList();
    Optional<Body.Multipart> form =
        body.filter(Body.Multipart.class::isInstance).map(Body.Multipart.class::cast);
    if (form.isEmpty() && gathered.stream().allMatch(Parameter::required)) return Optional.empty();

    Naming.Scope names = new Naming.Scope();
    List<RequestField> fields = new ArrayList<>();
    for (Parameter parameter : gathered) {
      // Named afresh from the wire name: a rename that kept a method's parameter off its locals
      // does not apply here.
      fields.add(new RequestField(
          parameter.wireName(),
          names.claim(Naming.memberName(parameter.wireName())),
          parameter.location() == Parameter.Location.QUERY
              ? RequestField.Source.QUERY
              : RequestField.Source.HEADER,
          parameter.type(),
          parameter.required(),
          parameter.defaultValue(),
          parameter.docs()));
    }
    form.ifPresent(multipart -> {
      for (Body.Part part : multipart.parts()) {
        fields.add(new RequestField(
            part.wireName(),
            names.claim(part.javaName()),
            part.file() ? RequestField.Source.FILE : RequestField.Source.FORM,
            part.type(),
            part.required(),
            Optional.empty(),
            part.docs()));
      }
    });
    String name = declarations.claim(preferredName);
    declarations.put(new TypeDecl.RequestDecl(name, pointer, docs, List.copyOf(fields)));
    return Optional.of(name);
  }
}
