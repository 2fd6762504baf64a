package ai.cartesia;

import ai.cartesia.model.Mp3OutputFormat;
import ai.cartesia.model.TtsRequest;
import ai.cartesia.model.TtsRequestIdSpecifier;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Run by {@link LargeDownloadTest} in a child JVM with a small heap: downloads {@code POST /tts/bytes}
 * from the server (first argument) into the file (second argument) with
 * {@code client.tts().bytes(request).writeTo(path)}, then prints the size and the CRC32 of the file,
 * read back a buffer at a time. With a third argument {@code buffered} it reads the body whole
 * instead, which a small heap cannot do.
 */
public final class LargeDownloadMain {

  private LargeDownloadMain() {}

  public static void main(String[] args) throws Exception {
    Cartesia client = Cartesia.builder()
        .apiKey(WireSupport.API_KEY)
        .baseUrl(args[0])
        .maxRetries(0)
        .build();
    Path file = Path.of(args[1]);
    TtsRequest request = TtsRequest.builder()
        .modelId("sonic-2")
        .transcript("A long story.")
        .voice(TtsRequestIdSpecifier.builder().id(WireSupport.VOICE_ID).build())
        .outputFormat(
            Mp3OutputFormat.builder().sampleRate(44100).bitRate(128000).build())
        .build();

    long written;
    if (args.length > 2 && args[2].equals("buffered")) {
      // The control: holding the whole body in memory must not fit in this heap.
      byte[] whole = client.tts().bytes(request).readAllBytes();
      Files.write(file, whole);
      written = whole.length;
    } else {
      written = client.tts().bytes(request).writeTo(file);
    }

    CRC32 crc = new CRC32();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) crc.update(buffer, 0, n);
    }
    System.out.println("max heap: " + Runtime.getRuntime().maxMemory());
    System.out.println("written: " + written);
    System.out.println("crc32: " + crc.getValue());
  }
}
