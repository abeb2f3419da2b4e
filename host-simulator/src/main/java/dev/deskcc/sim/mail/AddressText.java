package dev.deskcc.sim.mail;

import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;

/**
 * Repairs of address header text that real mail programs write and Jakarta Mail's parser does not
 * take: RFC 5322 comments inside an address, and obsolete source routes (RFC 5322 section 4.4).
 */
final class AddressText {
  private AddressText() {}

  /**
   * The text with every comment {@code (…)} (nested, with quoted-pairs) replaced by one space;
   * quoted strings and domain literals are left alone. {@code Pete(A \) chap) <pete(his
   * account)@silly.test(his host)>} becomes {@code Pete  <pete @silly.test >}.
   */
  static String withoutComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int depth = 0;
    boolean quoted = false;
    boolean literal = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && (quoted || depth > 0) && i + 1 < text.length()) {
        if (depth == 0) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (depth > 0) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (depth == 0) {
          out.append(' ');
        }
      } else if (quoted || literal) {
        out.append(c);
        quoted = quoted && c != '"';
        literal = literal && c != ']';
      } else if (c == '(') {
        depth = 1;
      } else {
        out.append(c);
        quoted = c == '"';
        literal = c == '[';
      }
    }
    // Spaces a comment left around the '@' or inside the angle brackets are not part of the address.
    return out.toString().replaceAll("\\s*@\\s*", "@").replaceAll("<\\s+", "<").replaceAll("\\s+>", ">");
  }

  /**
   * The address without an obsolete source route: {@code @machine.tld:mary@example.net} names the
   * mailbox {@code mary@example.net}; the route is how to reach it, never the address itself.
   */
  static InternetAddress withoutRoute(InternetAddress address) {
    String spec = address.getAddress();
    if (spec == null || !spec.startsWith("@") || spec.indexOf(':') < 0) {
      return address;
    }
    try {
      return new InternetAddress(spec.substring(spec.lastIndexOf(':') + 1), address.getPersonal(), "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("every JVM has UTF-8", e);
    }
  }
}
