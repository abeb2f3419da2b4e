package dev.deskcc.cc.settings;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Domain-name syntax for {@code blockedDomains}: RFC 1123 host names, internationalised names
 * accepted in their Unicode or ASCII (punycode) form.
 */
public final class DomainName {

  private static final int MAX_LENGTH = 253;
  private static final int MAX_LABEL = 63;

  private DomainName() {}

  /**
   * The name in the form addresses are compared in (lower-case ASCII, no trailing dot), or empty
   * when the text is not a domain name.
   */
  public static Optional<String> normalise(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    if (trimmed.endsWith(".")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    String ascii;
    try {
      ascii = IDN.toASCII(trimmed, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (ascii.isEmpty() || ascii.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    for (String label : ascii.split("\\.", -1)) {
      if (!validLabel(label)) {
        return Optional.empty();
      }
    }
    return Optional.of(ascii);
  }

  private static boolean validLabel(String label) {
    if (label.isEmpty() || label.length() > MAX_LABEL) {
      return false;
    }
    if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
