package dev.deskcc.sim.mail;

import jakarta.mail.internet.MimeUtility;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Charset names as mail declares them, read by the JDK (plus jutf7's UTF-7, a registered
 * CharsetProvider). Mail programs also write names the JDK does not know for a charset it has:
 * {@code unicode-1-1-utf-7} (Outlook and Exchange) is UTF-7.
 */
final class MailCharsets {
  private static final Map<String, String> ALIASES = Map.of("unicode-1-1-utf-7", "UTF-7");
  private static final Pattern WORD_CHARSET = Pattern.compile("=\\?([^?*]+)([*?])");

  private MailCharsets() {}

  /** The charset a part declares; UTF-8 when it declares none or one no one can read. */
  static Charset forName(String declared) {
    if (declared == null || declared.isBlank()) {
      // RFC 2045 says US-ASCII; UTF-8 is a superset that also reads undeclared 8-bit UTF-8 mail.
      return StandardCharsets.UTF_8;
    }
    String name = declared.strip();
    name = ALIASES.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    try {
      return Charset.forName(MimeUtility.javaCharset(name));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /**
   * Raw header bytes as text: UTF-8 when they are UTF-8 (RFC 6532), else one character per byte,
   * so that the bytes of an encoded-word that a sender wrote raw ({@code =?iso-8859-1?Q?Fr\xF6sche?=})
   * reach the word's own charset when it is decoded.
   */
  static String headerText(byte[] raw) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(raw, StandardCharsets.ISO_8859_1);
    }
  }

  /** Header text with its RFC 2047 encoded-words decoded, aliases of known charsets included. */
  static String decodeHeader(String value) {
    Matcher m = WORD_CHARSET.matcher(value);
    StringBuilder named = new StringBuilder();
    while (m.find()) {
      String alias = ALIASES.get(m.group(1).toLowerCase(Locale.ROOT));
      m.appendReplacement(named, Matcher.quoteReplacement("=?" + (alias == null ? m.group(1) : alias) + m.group(2)));
    }
    m.appendTail(named);
    try {
      return MimeUtility.decodeText(named.toString());
    } catch (java.io.UnsupportedEncodingException e) {
      return value;
    }
  }
}
