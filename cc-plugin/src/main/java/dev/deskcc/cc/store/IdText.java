package dev.deskcc.cc.store;

/**
 * Reading a contact id back from the packed CC text: an id that held a separator was written as
 * {@code %} followed by {@code %xxxx} escapes (see {@link CcDataCodec}).
 */
final class IdText {
  private IdText() {}

  /** The id as stored, with its escapes resolved. */
  static String unescape(String text) {
    if (text.isEmpty() || text.charAt(0) != '%') {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 4 < text.length()) {
        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
        i += 4;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
