package ai.cartesia.generator.corpus;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The regular files of a gzipped tar archive, as npm packs them (ustar, with pax headers for
 * long names): enough for package tarballs, no more.
 */
final class TarGz {

  private static final int BLOCK = 512;

  private TarGz() {}

  /** Every regular file, by its path in the archive, in archive order. */
  static Map<String, byte[]> files(Path archive) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      while (true) {
        if (!readBlock(in, header) || isZero(header)) break;
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        long size = octal(header, 124, 12);
        char type = (char) header[156];
        byte[] body = readBody(in, size);
        switch (type) {
          case 'x' -> longName = paxPath(body); // applies to the next entry
          case 'L' -> longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
          case '0', '\0', '7' -> {
            String path =
                longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
            files.put(path, body);
            longName = null;
          }
          default -> longName = null; // folders, links and global headers carry no file
        }
      }
    }
    return files;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int read = in.readNBytes(block, 0, BLOCK);
    if (read == 0) return false;
    if (read < BLOCK) throw new EOFException("the archive ends inside a header");
    return true;
  }

  private static byte[] readBody(InputStream in, long size) throws IOException {
    if (size > Integer.MAX_VALUE - BLOCK) throw new IOException("an entry of " + size + " bytes");
    byte[] body = in.readNBytes((int) size);
    if (body.length < size) throw new EOFException("the archive ends inside an entry");
    long padding = (BLOCK - size % BLOCK) % BLOCK;
    in.skipNBytes(padding);
    return body;
  }

  /** A pax header's {@code path} record ("LEN path=VALUE\n"), if it has one. */
  private static String paxPath(byte[] body) {
    String records = new String(body, StandardCharsets.UTF_8);
    for (String record : records.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) if (b != 0) return false;
    return true;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) end++;
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) throws IOException {
    String digits = text(header, offset, length).trim();
    try {
      return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    } catch (NumberFormatException e) {
      throw new IOException("a tar header with the size '" + digits + "'");
    }
  }
}
