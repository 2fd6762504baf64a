package ai.cartesia;

import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Runs one compiled README block in a JVM of its own, for {@link ReadmeExamplesRunTest}: for a
 * block that reads the environment (the test gives the child one) or names hosts that do not
 * exist (the test gives the child a hosts file of loopback names only, so no name is looked up
 * on the network). Arguments: the compiled blocks' directory, the block's class, the run
 * directory. It prints {@code key=value} lines about the {@link Cartesia} the block kept as
 * {@code behindProxy}; the test checks them.
 */
public final class ReadmeBlockMain {

  private ReadmeBlockMain() {}

  public static void main(String[] args) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {Path.of(args[0]).toUri().toURL()}, ReadmeBlockMain.class.getClassLoader())) {
      ReadmeExample example =
          (ReadmeExample) loader.loadClass(args[1]).getDeclaredConstructor().newInstance();
      example.prepare(null, Path.of(args[2]));
      example.example();
      try (Cartesia built = example.kept("behindProxy")) {
        var options = built.options();
        var proxy = options.proxy().orElseThrow();
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        System.out.println(
            "proxy=" + proxy.type() + " " + address.getHostString() + ":" + address.getPort());
        System.out.println("resolved=" + !address.isUnresolved());
        System.out.println("user=" + options.proxyUser().orElse("-"));
        System.out.println("password="
            + options
                .proxyPassword()
                .map(p -> p.reveal().equals(System.getenv("PROXY_PASSWORD"))
                    ? "as PROXY_PASSWORD"
                    : "other")
                .orElse("-"));
        System.out.println("userAgent=" + options.userAgent());
        System.out.println("shown=" + built);
      }
    }
  }
}
