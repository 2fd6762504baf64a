package ai.cartesia.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.nio.file.Path;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The japicmp check sees the public API only: internal packages and non-public members are free to change. */
class JapicmpBreaksTest {

  @TempDir
  Path work;

  private static JavaFile type(String pkg, String name, List<MethodSpec> methods) {
    return JavaFile.builder(
            pkg,
            TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addMethods(methods)
                .build())
        .build();
  }

  private static MethodSpec method(String name, Modifier... modifiers) {
    return MethodSpec.methodBuilder(name).addModifiers(modifiers).build();
  }

  @Test
  void onlyPublicAndProtectedMembersOutsideInternalPackagesCount() throws Exception {
    List<MethodSpec> all = List.of(
        method("kept", Modifier.PUBLIC),
        method("publicOne", Modifier.PUBLIC),
        method("protectedOne", Modifier.PROTECTED),
        method("packageOne"),
        method("privateOne", Modifier.PRIVATE));
    Path older = GeneratedSdkJar.of(
        List.of(type("com.example", "Api", all), type("com.example.internal.wire", "Wire", all)),
        work,
        "old");
    List<MethodSpec> kept = List.of(method("kept", Modifier.PUBLIC));
    Path newer = GeneratedSdkJar.of(
        List.of(type("com.example", "Api", kept), type("com.example.internal.wire", "Wire", kept)),
        work,
        "new");

    JapicmpBreaks.Result result = JapicmpBreaks.between(older, newer);

    assertThat(result.comparedClasses()).containsExactly("com.example.Api");
    assertThat(result.breaks())
        .extracting(JapicmpBreaks.Break::toString)
        .containsExactlyInAnyOrder(
            "Api.publicOne [METHOD_REMOVED]", "Api.protectedOne [METHOD_REMOVED]");
  }
}
