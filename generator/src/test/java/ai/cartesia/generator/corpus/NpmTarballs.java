package ai.cartesia.generator.corpus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Package tarballs from the npm registry, by pinned version, each checked against its sha256 and
 * kept in a cache folder so that a second run fetches nothing.
 */
final class NpmTarballs {

  private static final String REGISTRY = "https://registry.npmjs.org/";

  private final Path cache;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(30))
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  NpmTarballs(Path cache) {
    this.cache = cache;
  }

  /** {@code @scope/name} at {@code version}: {@code REGISTRY/@scope/name/-/name-version.tgz}. */
  static URI url(String name, String version) {
    String bare = name.substring(name.lastIndexOf('/') + 1);
    return URI.create(REGISTRY + name + "/-/" + bare + "-" + version + ".tgz");
  }

  /** The tarball's file in the cache, fetched first if it is not there or not the pinned bytes. */
  Path fetch(String name, String version, String sha256) throws IOException, InterruptedException {
    Path file = cache.resolve(name.replace('/', '+') + "-" + version + ".tgz");
    if (Files.exists(file) && sha256(file).equals(sha256)) return file;
    Files.createDirectories(cache);
    Path partial = Files.createTempFile(cache, "fetch", ".part");
    try {
      HttpResponse<Path> response = http.send(
          HttpRequest.newBuilder(url(name, version))
              .timeout(Duration.ofMinutes(5))
              .build(),
          HttpResponse.BodyHandlers.ofFile(partial));
      if (response.statusCode() != 200) {
        throw new IOException(url(name, version) + " answered " + response.statusCode());
      }
      String actual = sha256(partial);
      if (!actual.equals(sha256)) {
        throw new IOException(
            url(name, version) + " has sha256 " + actual + ", the manifest pins " + sha256);
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (var in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
