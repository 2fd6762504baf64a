package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Resource;
import ai.cartesia.generator.model.Security;
import ai.cartesia.generator.model.Server;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.net.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;

/**
 * Emits the top-level client: configured once through its builder, it hands out one client per
 * resource, all sharing one connection pool. The builder offers the credentials the API's
 * security schemes send (and only those) and the variables of its server's URL.
 */
final class RootClientEmitter {

  /**
   * The builder's own settings, which settings named from the spec (credentials, server
   * variables) keep clear of.
   */
  static final Set<String> SETTINGS = Set.of(
      "apiKey",
      "bearerToken",
      "bearerTokenSupplier",
      "basicAuth",
      "baseUrl",
      "timeout",
      "connectTimeout",
      "maxRetries",
      "httpClient",
      "proxy",
      "proxyCredentials",
      "appName",
      "listener",
      "logLevel",
      "header",
      "build",
      "options",
      "server",
      "equals",
      "hashCode",
      "toString",
      "getClass",
      "notify",
      "notifyAll",
      "wait");

  private final JavaNames names;

  RootClientEmitter(JavaNames names) {
    this.names = names;
  }

  TypeSpec emit(ApiModel model) {
    ClassName self = names.rootClient(model);
    ClassName builder = self.nestedClass(JavaNames.BUILDER);
    String product = JavaNames.userAgentProduct(model);
    String baseUrlVariable = JavaNames.baseUrlVariable(model);

    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(AutoCloseable.class)
        .addJavadoc(new Javadocs.Comment()
            .docs(model.docs())
            .paragraph(
                "Build one with {@link #builder()} and share it: it is thread-safe, and its resources share one connection pool. "
                    + "Close it when the application is done with it.")
            .build());
    model
        .defaultBaseUrl()
        .ifPresent(url -> type.addField(FieldSpec.builder(
                String.class, "DEFAULT_BASE_URL", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "Where requests go unless {@link Builder#baseUrl} or {@value #BASE_URL_ENVIRONMENT_VARIABLE} says otherwise"
                    + (hasVariables(model) ? ", with the server variables at their defaults" : "")
                    + ".\n")
            .initializer("$S", url)
            .build()));
    for (Security.Credential credential : model.security().credentials()) {
      if (credential.kind() == Security.Credential.Kind.BASIC) continue;
      type.addField(FieldSpec.builder(
              String.class,
              JavaNames.credentialVariableConstant(credential),
              Modifier.PUBLIC,
              Modifier.STATIC,
              Modifier.FINAL)
          .addJavadoc(
              "The environment variable read for the $L when the builder is given none.\n",
              description(credential))
          .initializer("$S", JavaNames.credentialVariable(model, credential))
          .build());
    }
    type.addField(FieldSpec.builder(
            String.class,
            "BASE_URL_ENVIRONMENT_VARIABLE",
            Modifier.PUBLIC,
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc(
            "The environment variable read for the base URL when the builder is given none.\n")
        .initializer("$S", baseUrlVariable)
        .build());
    if (!model.security().noSchemes()) type.addField(securityField(model.security()));
    type.addField(RuntimeTypes.CLIENT_CONTEXT, "context", Modifier.PRIVATE, Modifier.FINAL);

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(RuntimeTypes.CLIENT_OPTIONS, "options");
    if (model.security().noSchemes()) {
      constructor.addStatement(
          "this.context = $T.create(options, $T.NONE)",
          RuntimeTypes.CLIENT_CONTEXT,
          RuntimeTypes.SECURITY);
    } else {
      constructor.addStatement(
          "this.context = $T.create(options, SECURITY)", RuntimeTypes.CLIENT_CONTEXT);
    }
    for (Resource resource : model.resources()) {
      ClassName client = names.resourceClient(resource);
      type.addField(client, resource.accessor(), Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$N = new $T(context)", resource.accessor(), client);
    }
    type.addMethod(constructor.build());
    type.addMethod(MethodSpec.methodBuilder("builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder)
        .addStatement("return new $T()", builder)
        .build());
    for (Resource resource : model.resources()) {
      type.addMethod(MethodSpec.methodBuilder(resource.accessor())
          .addModifiers(Modifier.PUBLIC)
          .returns(names.resourceClient(resource))
          .addJavadoc(Javadocs.of(resource.docs()))
          .addStatement("return $N", resource.accessor())
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("options")
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeTypes.CLIENT_OPTIONS)
        .addJavadoc("The options this client was built with.\n")
        .addStatement("return context.options()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("close")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Frees the client's threads and connections, cancelling calls in flight. An OkHttp client passed to the builder is left open.\n")
        .addStatement("context.close()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S + context.options() + $S", model.clientName() + "{", "}")
        .build());
    type.addType(builderType(model, self, builder, product));
    return type.build();
  }

  private TypeSpec builderType(
      ApiModel model, ClassName client, ClassName builder, String product) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
    CodeBlock.Builder preset =
        CodeBlock.builder().add("this.options = $T.builder()", RuntimeTypes.CLIENT_OPTIONS);
    if (model.defaultBaseUrl().isPresent() && !hasVariables(model))
      preset.add("\n    .defaultBaseUrl(DEFAULT_BASE_URL)");
    preset.add("\n    .baseUrlEnvironmentVariable(BASE_URL_ENVIRONMENT_VARIABLE)");
    for (Security.Credential credential : model.security().credentials()) {
      String constant = JavaNames.credentialVariableConstant(credential);
      switch (credential.kind()) {
        case API_KEY -> {
          if (credential.name().equals("apiKey"))
            preset.add("\n    .apiKeyEnvironmentVariable($N)", constant);
          else preset.add("\n    .secretEnvironmentVariable($S, $N)", credential.name(), constant);
        }
        case BEARER_TOKEN -> preset.add("\n    .bearerTokenEnvironmentVariable($N)", constant);
        case BASIC -> {}
      }
    }
    List<String> required = requiredCredentials(model.security());
    if (!required.isEmpty()) {
      preset.add(
          "\n    .requireCredential($L)",
          String.join(", ", required.stream().map(r -> "\"" + r + "\"").toList()));
    }
    preset.add(
        "\n    .userAgent($S + $T.of($T.class))", product + "/", RuntimeTypes.SDK_VERSION, client);
    constructor.addStatement(preset.build());

    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Configures a {@link $T}.\n", client)
        .addField(
            RuntimeTypes.CLIENT_OPTIONS.nestedClass(JavaNames.BUILDER),
            "options",
            Modifier.PRIVATE,
            Modifier.FINAL)
        .addMethod(constructor.build());
    Server server = model.server().filter(s -> !s.variables().isEmpty()).orElse(null);
    if (server != null) type.addField(serverField(server));
    for (Security.Credential credential : model.security().credentials())
      credentialSettings(builder, credential).forEach(type::addMethod);
    type.addMethod(
        option(
            builder,
            "baseUrl",
            String.class,
            "Where to send requests, such as a test server. "
                + "It wins over the environment variable {@value #BASE_URL_ENVIRONMENT_VARIABLE}, which wins over the default."));
    if (server != null)
      server.variables().forEach(v -> type.addMethod(variableSetting(builder, v)));
    type.addMethod(option(
        builder,
        "timeout",
        Duration.class,
        "How long to wait for each read and write of a request (60 seconds unless set)."));
    type.addMethod(option(
        builder,
        "connectTimeout",
        Duration.class,
        "How long to wait for a connection (10 seconds unless set)."));
    type.addMethod(option(
        builder,
        "maxRetries",
        int.class,
        "How many times to retry a failed request (2 unless set; 0 turns retries off)."));
    type.addMethod(option(
        builder,
        "httpClient",
        RuntimeTypes.OK_HTTP_CLIENT,
        "An OkHttp client to share its connection pool and dispatcher."));
    type.addMethod(option(
        builder,
        "proxy",
        ClassName.get(Proxy.class),
        "Sends every connection through this proxy."));
    type.addMethod(MethodSpec.methodBuilder("proxyCredentials")
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addJavadoc(
            "Answers the proxy's request for authentication with these basic credentials; the password is never shown.\n")
        .addParameter(String.class, "user")
        .addParameter(String.class, "password")
        .addStatement("options.proxyCredentials(user, password)")
        .addStatement("return this")
        .build());
    type.addMethod(
        option(
            builder,
            "appName",
            String.class,
            "The application's name and version, such as {@code my-agent/1.2}, appended to the {@code User-Agent}."));
    type.addMethod(option(
        builder,
        "listener",
        RuntimeTypes.CARTESIA_LISTENER,
        "Adds a listener of requests, retries and WebSocket events, for metrics or tracing."));
    type.addMethod(
        option(
            builder,
            "logLevel",
            RuntimeTypes.LOG_LEVEL,
            "Turns the SDK's log on or off in code; it wins over the environment variable {@code CARTESIA_LOG}."));
    type.addMethod(MethodSpec.methodBuilder("header")
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addJavadoc("A header to send on every request.\n")
        .addParameter(String.class, "name")
        .addParameter(String.class, "value")
        .addStatement("options.header(name, value)")
        .addStatement("return this")
        .build());
    MethodSpec.Builder build = MethodSpec.methodBuilder("build")
        .addModifiers(Modifier.PUBLIC)
        .returns(client)
        .addJavadoc("@throws IllegalStateException if $L\n", buildFailures(model, required));
    if (server != null) build.addStatement("options.defaultBaseUrl(server.url())");
    type.addMethod(build.addStatement("return new $T(options.build())", client).build());
    return type.build();
  }

  private static boolean hasVariables(ApiModel model) {
    return model.server().map(s -> !s.variables().isEmpty()).orElse(false);
  }

  /** The schemes the client can send and what its operations send unless they say otherwise. */
  private static FieldSpec securityField(Security security) {
    CodeBlock.Builder init = CodeBlock.builder().add("$T.builder()", RuntimeTypes.SECURITY);
    for (Security.Scheme scheme : security.schemes()) {
      switch (scheme.placement()) {
        case HEADER ->
          init.add(
              "\n    .apiKeyHeader($S, $S, $S)",
              scheme.id(),
              scheme.credential(),
              scheme.parameter());
        case QUERY ->
          init.add(
              "\n    .apiKeyQuery($S, $S, $S)",
              scheme.id(),
              scheme.credential(),
              scheme.parameter());
        case COOKIE ->
          init.add(
              "\n    .apiKeyCookie($S, $S, $S)",
              scheme.id(),
              scheme.credential(),
              scheme.parameter());
        case BEARER -> init.add("\n    .bearer($S)", scheme.id());
        case BASIC -> init.add("\n    .basic($S)", scheme.id());
      }
    }
    if (!security.defaults().isEmpty()) {
      List<String> alternatives = new ArrayList<>();
      for (Security.Requirement requirement : security.defaults())
        alternatives.add(
            CodeBlock.of("$S", String.join("+", requirement.schemes())).toString());
      init.add("\n    .require($L)", String.join(", ", alternatives));
    }
    return FieldSpec.builder(
            RuntimeTypes.SECURITY, "SECURITY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "Where each security scheme of the API puts its credential, and what operations send unless they say otherwise.\n")
        .initializer(init.add("\n    .build()").build())
        .build();
  }

  /**
   * The credentials the document's requirement needs, one entry per alternative ({@code +} joins
   * credentials sent together); none when an alternative needs nothing.
   */
  private static List<String> requiredCredentials(Security security) {
    Set<String> alternatives = new LinkedHashSet<>();
    for (Security.Requirement requirement : security.defaults()) {
      if (requirement.schemes().isEmpty()) return List.of();
      Set<String> together = new LinkedHashSet<>();
      for (String id : requirement.schemes()) {
        security.schemes().stream()
            .filter(s -> s.id().equals(id))
            .findFirst()
            .ifPresent(s -> together.add(s.credential()));
      }
      alternatives.add(String.join("+", together));
    }
    return List.copyOf(alternatives);
  }

  private static String buildFailures(ApiModel model, List<String> required) {
    List<String> failures = new ArrayList<>();
    if (model.server().isEmpty()) failures.add("no base URL was given or found in the environment");
    if (required.equals(List.of("apiKey")))
      failures.add("no API key was given or found in the environment");
    else if (!required.isEmpty())
      failures.add(
          "none of the credentials the API requires was given or found in the environment");
    failures.add("the environment's base URL is not an http(s) URL");
    return String.join(", or ", failures);
  }

  private static String description(Security.Credential credential) {
    return switch (credential.kind()) {
      case API_KEY ->
        credential.name().equals("apiKey")
            ? "API key"
            : "credential " + Javadocs.code(credential.name());
      case BEARER_TOKEN -> "bearer token";
      case BASIC -> "basic credentials";
    };
  }

  /** The builder's methods that set one credential, its description from the spec after them. */
  private List<MethodSpec> credentialSettings(ClassName builder, Security.Credential credential) {
    String constant = JavaNames.credentialVariableConstant(credential);
    return switch (credential.kind()) {
      case API_KEY -> {
        String name = credential.name();
        String lead = name.equals("apiKey")
            ? "The API key."
            : "The credential " + Javadocs.code(name) + " the API takes with its other keys.";
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addJavadoc(comment(
                lead + " Without one, the environment variable {@value #" + constant
                    + "} is read; it is never logged or shown.",
                credential))
            .addParameter(String.class, name);
        if (name.equals("apiKey")) method.addStatement("options.apiKey($N)", name);
        else method.addStatement("options.secret($S, $N)", name, name);
        yield List.of(method.addStatement("return this").build());
      }
      case BEARER_TOKEN ->
        List.of(
            MethodSpec.methodBuilder("bearerToken")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc(comment(
                    "The bearer token sent in {@code Authorization} on every request that takes one, such as an access token; "
                        + "it replaces a supplier. Without one, the environment variable {@value #"
                        + constant
                        + "} is read; it is never logged or shown.",
                    credential))
                .addParameter(String.class, "token")
                .addStatement("options.bearerToken(token)")
                .addStatement("return this")
                .build(),
            MethodSpec.methodBuilder("bearerTokenSupplier")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc(comment(
                    "Where each request's bearer token comes from, such as an OAuth 2 client that refreshes it before it expires. "
                        + "It is asked once per request (each retry too) on the thread that sends it, so it must be thread-safe and should answer from a cache; "
                        + "a request for which it returns null or a blank token is sent without one.",
                    credential))
                .addParameter(
                    com.palantir.javapoet.ParameterizedTypeName.get(
                        ClassName.get(Supplier.class), ClassName.get(String.class)),
                    "supplier")
                .addStatement("options.bearerTokenSupplier(supplier)")
                .addStatement("return this")
                .build());
      case BASIC ->
        List.of(MethodSpec.methodBuilder("basicAuth")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addJavadoc(comment(
                "The user name and password sent with HTTP basic authentication; the password is never logged or shown.",
                credential))
            .addParameter(String.class, "user")
            .addParameter(String.class, "password")
            .addStatement("options.basicAuth(user, password)")
            .addStatement("return this")
            .build());
    };
  }

  private static CodeBlock comment(String lead, Security.Credential credential) {
    return new Javadocs.Comment().paragraph("$L", lead).docs(credential.docs()).build();
  }

  /** The server URL's template with its variables at their defaults until the caller sets them. */
  private static FieldSpec serverField(Server server) {
    CodeBlock.Builder init =
        CodeBlock.builder().add("$T.template($S)", RuntimeTypes.SERVER_URL, server.url());
    for (Server.Variable variable : server.variables()) {
      init.add("\n    .variable($S, $S", variable.name(), variable.defaultValue());
      for (String allowed : variable.allowed()) init.add(", $S", allowed);
      init.add(")");
    }
    return FieldSpec.builder(RuntimeTypes.SERVER_URL, "server", Modifier.PRIVATE, Modifier.FINAL)
        .initializer(init.build())
        .build();
  }

  private static MethodSpec variableSetting(ClassName builder, Server.Variable variable) {
    StringBuilder lead = new StringBuilder("The server variable ")
        .append(Javadocs.code(variable.name()))
        .append(" of the default base URL: ")
        .append(Javadocs.code(variable.defaultValue()))
        .append(" unless set");
    if (!variable.allowed().isEmpty()) {
      lead.append("; one of ");
      lead.append(
          String.join(", ", variable.allowed().stream().map(Javadocs::code).toList()));
    }
    lead.append(". A base URL given to {@link #baseUrl} or by the environment wins over it.");
    return MethodSpec.methodBuilder(variable.javaName())
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addJavadoc(new Javadocs.Comment()
            .paragraph("$L", lead.toString())
            .docs(variable.docs())
            .tag(
                "@throws IllegalArgumentException if the value is not one the API allows, or has a character a URL part cannot")
            .build())
        .addParameter(String.class, variable.javaName())
        .addStatement("server.set($S, $N)", variable.name(), variable.javaName())
        .addStatement("return this")
        .build();
  }

  private static MethodSpec option(ClassName builder, String name, Object type, String doc) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addJavadoc("$L\n", doc);
    if (type instanceof Class<?> c) method.addParameter(c, name);
    else method.addParameter((com.palantir.javapoet.TypeName) type, name);
    return method
        .addStatement("options.$N($N)", name, name)
        .addStatement("return this")
        .build();
  }
}
