package ai.cartesia.generator.emit;

import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.model.Resource;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.net.Proxy;
import java.time.Duration;
import javax.lang.model.element.Modifier;

/**
 * Emits the top-level client: configured once through its builder, it hands out one client per
 * resource, all sharing one connection pool.
 */
final class RootClientEmitter {

  private final JavaNames names;

  RootClientEmitter(JavaNames names) {
    this.names = names;
  }

  TypeSpec emit(ApiModel model) {
    ClassName self = names.rootClient(model);
    ClassName builder = self.nestedClass(JavaNames.BUILDER);
    String product = JavaNames.userAgentProduct(model);
    String environmentVariable = JavaNames.apiKeyVariable(model);
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
                "Where requests go unless {@link Builder#baseUrl} or {@value #BASE_URL_ENVIRONMENT_VARIABLE} says otherwise.\n")
            .initializer("$S", url)
            .build()));
    type.addField(FieldSpec.builder(
            String.class,
            "API_KEY_ENVIRONMENT_VARIABLE",
            Modifier.PUBLIC,
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc(
            "The environment variable read for the API key when the builder is given none.\n")
        .initializer("$S", environmentVariable)
        .build());
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
    type.addField(RuntimeTypes.CLIENT_CONTEXT, "context", Modifier.PRIVATE, Modifier.FINAL);

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(RuntimeTypes.CLIENT_OPTIONS, "options")
        .addStatement("this.context = $T.create(options)", RuntimeTypes.CLIENT_CONTEXT);
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
    StringBuilder preset = new StringBuilder("this.options = $T.builder()");
    if (model.defaultBaseUrl().isPresent())
      preset.append("\n    .defaultBaseUrl(DEFAULT_BASE_URL)");
    preset.append("\n    .baseUrlEnvironmentVariable(BASE_URL_ENVIRONMENT_VARIABLE)");
    model
        .apiKeyHeader()
        .ifPresent(h -> preset.append("\n    .apiKeyHeader(\"").append(h).append("\")"));
    preset.append("\n    .apiKeyEnvironmentVariable(API_KEY_ENVIRONMENT_VARIABLE)");
    preset.append("\n    .userAgent($S + $T.of($T.class))");
    constructor.addStatement(
        preset.toString(),
        RuntimeTypes.CLIENT_OPTIONS,
        product + "/",
        RuntimeTypes.SDK_VERSION,
        client);

    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Configures a {@link $T}.\n", client)
        .addField(
            RuntimeTypes.CLIENT_OPTIONS.nestedClass(JavaNames.BUILDER),
            "options",
            Modifier.PRIVATE,
            Modifier.FINAL)
        .addMethod(constructor.build());
    type.addMethod(
        option(
            builder,
            "apiKey",
            String.class,
            "The API key. Without one, the environment variable {@value #API_KEY_ENVIRONMENT_VARIABLE} is read; it is never logged or shown."));
    type.addMethod(
        option(
            builder,
            "baseUrl",
            String.class,
            "Where to send requests, such as a test server. "
                + "It wins over the environment variable {@value #BASE_URL_ENVIRONMENT_VARIABLE}, which wins over the default."));
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
    type.addMethod(MethodSpec.methodBuilder("build")
        .addModifiers(Modifier.PUBLIC)
        .returns(client)
        .addJavadoc(
            "@throws IllegalStateException if no API key was given or found in the environment, or the environment's base URL is not an http(s) URL\n")
        .addStatement("return new $T(options.build())", client)
        .build());
    return type.build();
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
