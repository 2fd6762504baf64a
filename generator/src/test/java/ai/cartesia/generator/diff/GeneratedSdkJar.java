package ai.cartesia.generator.diff;

import ai.cartesia.generator.Generator;
import ai.cartesia.generator.InMemoryCompiler;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The SDK generated from one spec, compiled in process and written as a jar: what a user would
 * have on the class path, for tools (japicmp) that compare jars.
 */
final class GeneratedSdkJar {

  private GeneratedSdkJar() {}

  static Path build(Path spec, Path workDirectory, String name) throws Exception {
    return of(Generator.generate(spec, "ai.cartesia", null).files(), workDirectory, name);
  }

  static Path of(List<JavaFile> sources, Path workDirectory, String name) throws IOException {
    Path classes = workDirectory.resolve(name + "-classes");
    InMemoryCompiler.Compilation compilation = InMemoryCompiler.compile(sources, classes);
    if (!compilation.errors().isEmpty()) {
      throw new IllegalStateException(name + " does not compile: " + compilation.errors());
    }
    Path jar = workDirectory.resolve(name + ".jar");
    write(classes, jar);
    return jar;
  }

  private static void write(Path classes, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      for (Path file : files) {
        jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        jarOut.write(Files.readAllBytes(file));
        jarOut.closeEntry();
      }
    }
  }
}
