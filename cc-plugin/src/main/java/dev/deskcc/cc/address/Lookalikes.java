package dev.deskcc.cc.address;

import dev.deskcc.api.model.EmailAddress;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Latin "skeleton" of an address, to catch look-alikes of the desk's and agents' addresses
 * ({@code hаna@acme.test} with a Cyrillic {@code а}): such a CC would receive mail that readers
 * take for the agent's own.
 *
 * <p>The skeleton is the address with its domain in Unicode, NFKC-normalised (full-width and
 * other compatibility forms become plain letters), lower-cased, and every character of a small
 * table of common Cyrillic and Greek homoglyphs (and dotless i) replaced by the Latin letter it
 * looks like. It is a deliberate subset of Unicode's confusables (UTS #39): the letters that make
 * a convincing copy of a Latin address, without a 10 MB dependency. Latin-only tricks ({@code rn}
 * for {@code m}) are not caught.
 */
final class Lookalikes {

  /** Lower-case homoglyph to the Latin letter it is mistaken for. */
  private static final Map<Character, Character> LATIN = Map.ofEntries(
      // Cyrillic
      Map.entry('\u0430', 'a'), Map.entry('\u0432', 'b'), Map.entry('\u0441', 'c'), Map.entry('\u0501', 'd'),
      Map.entry('\u0435', 'e'), Map.entry('\u04bb', 'h'), Map.entry('\u0456', 'i'), Map.entry('\u0458', 'j'),
      Map.entry('\u043a', 'k'), Map.entry('\u04cf', 'l'), Map.entry('\u043c', 'm'), Map.entry('\u043d', 'h'),
      Map.entry('\u043e', 'o'), Map.entry('\u0440', 'p'), Map.entry('\u051b', 'q'), Map.entry('\u0455', 's'),
      Map.entry('\u0442', 't'), Map.entry('\u0443', 'y'), Map.entry('\u051d', 'w'), Map.entry('\u0445', 'x'),
      Map.entry('\u044c', 'b'), Map.entry('\u0457', 'i'), Map.entry('\u0491', 'r'),
      // Greek
      Map.entry('\u03b1', 'a'), Map.entry('\u03b2', 'b'), Map.entry('\u03b5', 'e'), Map.entry('\u03b7', 'n'),
      Map.entry('\u03b9', 'i'), Map.entry('\u03ba', 'k'), Map.entry('\u03bd', 'v'), Map.entry('\u03bf', 'o'),
      Map.entry('\u03c1', 'p'), Map.entry('\u03c4', 't'), Map.entry('\u03c5', 'u'), Map.entry('\u03c7', 'x'),
      Map.entry('\u03b3', 'y'), Map.entry('\u03f2', 'c'), Map.entry('\u03c9', 'w'), Map.entry('\u03c2', 'c'),
      // Latin letters that pass for others
      Map.entry('\u0131', 'i'), Map.entry('\u0237', 'j'), Map.entry('\u0261', 'g'), Map.entry('\u2113', 'l'));

  private Lookalikes() {}

  /**
   * The plain Latin address that {@code address} imitates, when it differs from {@code address}
   * itself; empty for an address with nothing to map (every plain ASCII address).
   */
  static Optional<EmailAddress> imitated(EmailAddress address) {
    String key = address.key();
    if (ascii(key) && !key.contains("xn--")) {
      return Optional.empty();
    }
    int at = key.lastIndexOf('@');
    String domain;
    try {
      domain = IDN.toUnicode(key.substring(at + 1), IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      domain = key.substring(at + 1);
    }
    String text = Normalizer.normalize(key.substring(0, at) + "@" + domain, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT);
    StringBuilder skeleton = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      skeleton.append(LATIN.getOrDefault(c, c));
    }
    EmailAddress plain = new EmailAddress(skeleton.toString(), null);
    return plain.key().equals(key) ? Optional.empty() : Optional.of(plain);
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
