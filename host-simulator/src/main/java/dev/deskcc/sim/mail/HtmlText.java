package dev.deskcc.sim.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crude HTML to plain text, for mail that has no text/plain alternative. Good enough to store a
 * readable reply; not a renderer.
 */
final class HtmlText {

  private static final Pattern INVISIBLE =
      Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote)\\s*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern NUMERIC = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

  private HtmlText() {}

  static String toText(String html) {
    String s = INVISIBLE.matcher(html).replaceAll("");
    s = s.replaceAll("[\\r\\n]+", " ");
    s = BREAK.matcher(s).replaceAll("\n");
    s = TAG.matcher(s).replaceAll("");
    s = entities(s);
    s = s.replaceAll("[ \\t\\x0B\\f\\u00a0]+", " ");
    s = s.replaceAll(" *\\n *", "\n").replaceAll("\\n{3,}", "\n\n");
    return s.strip();
  }

  private static String entities(String s) {
    Matcher m = NUMERIC.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      try {
        int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
        replacement = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
      } catch (NumberFormatException e) {
        replacement = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString()
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
