package ai.cartesia.generator;

import ai.cartesia.generator.diff.ApiDiff;
import ai.cartesia.generator.diff.ChangeReport;
import ai.cartesia.generator.emit.GeneratedFiles;
import ai.cartesia.generator.emit.JavaEmitter;
import ai.cartesia.generator.model.ApiModel;
import ai.cartesia.generator.read.ModelBuilder;
import ai.cartesia.generator.read.SpecException;
import ai.cartesia.generator.read.SpecProblem;
import ai.cartesia.generator.read.SpecReader;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The generator's stages in order: read the spec, build the model, emit Java. */
public final class Generator {

  private Generator() {}

  /**
   * The Java files for a spec, in memory, with the warnings found on the way.
   *
   * @param sources the text of each file, by its path under the source root, sorted
   */
  public record Output(
      ApiModel model,
      List<JavaFile> files,
      SortedMap<Path, String> sources,
      List<SpecProblem> warnings) {}

  /** The model of a spec, as the emitters would see it, with the warnings found on the way. */
  public static ModelBuilder.Result model(Path spec, String clientName) throws SpecException {
    return ModelBuilder.build(
        SpecReader.read(spec), spec.toString(), clientName, JavaEmitter.RESERVED_NAMES);
  }

  /** What changes for Java callers when the SDK generated from {@code older} is generated from {@code newer}. */
  public static ChangeReport diff(Path older, Path newer) throws SpecException {
    return ApiDiff.compare(model(older, null).model(), model(newer, null).model());
  }

  public static Output generate(Path spec, String rootPackage, String clientName)
      throws SpecException {
    ModelBuilder.Result result = model(spec, clientName);
    // Rendering is most of the work, and each file renders on its own, right after it is emitted.
    List<Map.Entry<JavaFile, String>> rendered =
        new JavaEmitter(result.model(), rootPackage).emit(file -> Map.entry(file, file.toString()));
    List<JavaFile> files = rendered.stream().map(Map.Entry::getKey).toList();
    SortedMap<Path, String> sources = new TreeMap<>();
    for (var file : rendered) {
      Path path = GeneratedFiles.relativePath(file.getKey());
      if (sources.putIfAbsent(path, file.getValue()) != null) throw samePath(path);
    }
    return new Output(
        result.model(), files, Collections.unmodifiableSortedMap(sources), result.warnings());
  }

  /**
   * Generates and writes the files under {@code sourceRoot}; returns the output, every file's
   * text included (what {@link ai.cartesia.generator.check.CompileCheck} compiles). To only write
   * the files, {@link #writeTo} needs far less memory.
   */
  public static Output generateTo(Path spec, Path sourceRoot, String rootPackage, String clientName)
      throws SpecException, IOException {
    Output output = generate(spec, rootPackage, clientName);
    GeneratedFiles.write(output.sources(), sourceRoot);
    return output;
  }

  /**
   * What {@link #writeTo} wrote.
   *
   * @param files the path of each file under the source root, sorted
   */
  public record Written(ApiModel model, List<Path> files, List<SpecProblem> warnings) {}

  /**
   * Generates and writes the files under {@code sourceRoot}, the same bytes as {@link
   * #generateTo}, each file written as soon as it is rendered: no file's tree or text outlives its
   * writing, so a large document (GitHub's makes 7,000 files) needs little more memory than its
   * model.
   */
  public static Written writeTo(Path spec, Path sourceRoot, String rootPackage, String clientName)
      throws SpecException, IOException {
    ModelBuilder.Result result = model(spec, clientName);
    Set<Path> claimed = ConcurrentHashMap.newKeySet();
    List<Path> files;
    try {
      files = new JavaEmitter(result.model(), rootPackage).emit(file -> {
        Path path = GeneratedFiles.relativePath(file);
        if (!claimed.add(path)) throw samePath(path);
        try {
          GeneratedFiles.write(sourceRoot, path, GeneratedFiles.render(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return path;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    GeneratedFiles.removeStale(sourceRoot, files);
    return new Written(result.model(), files, result.warnings());
  }

  private static IllegalStateException samePath(Path path) {
    return new IllegalStateException("two generated files have the path " + path);
  }
}
