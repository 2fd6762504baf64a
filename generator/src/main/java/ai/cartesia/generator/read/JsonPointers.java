package ai.cartesia.generator.read;

/** Builds JSON pointers ({@code #/a/b~1c}) that name places in a spec. */
public final class JsonPointers {

  private JsonPointers() {}

  /** Appends one reference token, escaped as RFC 6901 requires. */
  public static String child(String pointer, String token) {
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  public static String schema(String name) {
    return child("#/components/schemas", name);
  }

  public static String operation(String path, String method) {
    return child(child("#/paths", path), method);
  }

  /**
   * Turns a location as swagger-parser writes it ({@code paths.'/tts/bytes'(post).responses})
   * into a JSON pointer ({@code #/paths/~1tts~1bytes/post/responses}).
   */
  public static String fromDotted(String dotted) {
    String pointer = "#";
    StringBuilder token = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < dotted.length(); i++) {
      char c = dotted.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (quoted) {
        token.append(c);
      } else if (c == '.') {
        if (token.length() > 0) pointer = child(pointer, token.toString());
        token.setLength(0);
      } else if (c == '(') {
        if (token.length() > 0) pointer = child(pointer, token.toString());
        token.setLength(0);
      } else if (c == ')') {
        pointer = child(pointer, token.toString());
        token.setLength(0);
      } else {
        token.append(c);
      }
    }
    if (token.length() > 0) pointer = child(pointer, token.toString());
    return pointer;
  }
}
