package ai.cartesia.core.internal.json;

/**
 * Reads the tag that names a message's variant (such as {@code "type":"transcript"}) from the top
 * level of JSON text, looking no further than the tag: it usually comes first. The first
 * occurrence counts, as in Jackson's own type-id handling; null where that is not plain (not an
 * object, a key or the value with an escape, the value not a string, broken text), so that the
 * caller leaves the text to the general decoder.
 */
public final class JsonTag {

  private JsonTag() {}

  public static String find(String json, String tag) {
    int length = json.length();
    int i = Base64Field.skipSpace(json, 0);
    if (i >= length || json.charAt(i) != '{') return null;
    i = Base64Field.skipSpace(json, i + 1);
    while (i < length && json.charAt(i) != '}') {
      if (json.charAt(i) != '"') return null;
      int keyEnd = Base64Field.endOfString(json, i + 1);
      if (keyEnd < 0) return null;
      for (int k = i + 1; k < keyEnd; k++) {
        if (json.charAt(k) == '\\') return null; // an escaped key may spell the tag
      }
      boolean isTag = Base64Field.is(json, i + 1, keyEnd, tag);
      i = Base64Field.skipSpace(json, keyEnd + 1);
      if (i >= length || json.charAt(i) != ':') return null;
      i = Base64Field.skipSpace(json, i + 1);
      if (i >= length) return null;
      int valueEnd = Base64Field.skipValue(json, i);
      if (valueEnd < 0) return null;
      if (isTag) return Base64Field.plainString(json, i, valueEnd);
      i = Base64Field.skipSpace(json, valueEnd);
      if (i < length && json.charAt(i) == ',') i = Base64Field.skipSpace(json, i + 1);
      else if (i >= length || json.charAt(i) != '}') return null;
    }
    return null;
  }

  /** The same over the UTF-8 bytes {@code json[from, to)}. */
  public static String find(byte[] json, int from, int to, String tag) {
    int i = Base64Field.skipSpace(json, from, to);
    if (i >= to || json[i] != '{') return null;
    i = Base64Field.skipSpace(json, i + 1, to);
    while (i < to && json[i] != '}') {
      if (json[i] != '"') return null;
      int keyEnd = Base64Field.endOfString(json, i + 1, to);
      if (keyEnd < 0) return null;
      for (int k = i + 1; k < keyEnd; k++) {
        if (json[k] == '\\') return null;
      }
      boolean isTag = Base64Field.is(json, i + 1, keyEnd, tag);
      i = Base64Field.skipSpace(json, keyEnd + 1, to);
      if (i >= to || json[i] != ':') return null;
      i = Base64Field.skipSpace(json, i + 1, to);
      if (i >= to) return null;
      int valueEnd = Base64Field.skipValue(json, i, to);
      if (valueEnd < 0) return null;
      if (isTag) return Base64Field.plainString(json, i, valueEnd);
      i = Base64Field.skipSpace(json, valueEnd, to);
      if (i < to && json[i] == ',') i = Base64Field.skipSpace(json, i + 1, to);
      else if (i >= to || json[i] != '}') return null;
    }
    return null;
  }
}
