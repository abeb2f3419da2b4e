package dev.deskcc.api.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One mailbox: an RFC 5322 address with an optional display name.
 *
 * <p>Identity ignores case and display name: {@link #key()} is what two addresses are compared
 * by, and {@link #equals(Object)} uses it. The key is the address's one canonical form (contract
 * v1.1), so every rule that compares addresses agrees on equivalent spellings: a quoted local part
 * that needs no quoting is the same mailbox unquoted ({@code "hana"@acme.test} is {@code
 * hana@acme.test}), and a domain is the same in Unicode and in its ASCII (punycode) form (the key
 * holds the ASCII form). Source routes ({@code <@relay:ann@x.test>}) and domain literals ({@code
 * ann@[127.0.0.1]}) are not valid addresses. Parsing is done by Jakarta Mail's address parser, never
 * by a hand-made pattern.
 *
 * <p>The key is derived from the address once, when the value is made, and kept as a record
 * component: addresses are hashed, compared and screened many times per notification, and
 * lower-casing the address on every use was a measurable share of sending one. Construct with
 * {@link #EmailAddress(String, String)}; the key passed to the canonical constructor is ignored
 * and derived again, so two values with the same address always have the same key. JSON mappers
 * leave it out (it is not data).
 *
 * @param address the addr-spec as written ({@code local@domain}), case kept
 * @param displayName may be {@code null}; a single line ({@link SingleLine})
 * @param key the canonical, lower-cased address (derived; see {@link #key()})
 * @since 1.0
 */
public record EmailAddress(String address, String displayName, @JsonIgnore String key) {

  /**
   * Derives the key from the address, whatever key was passed.
   *
   * @since 1.2
   */
  public EmailAddress {
    Objects.requireNonNull(address, "address");
    displayName = SingleLine.of(displayName);
    key = canonicalKey(address);
  }

  /**
   * The mailbox {@code address} with the display name {@code displayName} (may be {@code null}).
   *
   * @since 1.0
   */
  public EmailAddress(String address, String displayName) {
    this(address, displayName, null);
  }

  /**
   * Parses one mailbox such as {@code ann@example.com} or {@code "Lee, Ann" <ann@example.com>}.
   *
   * @throws InvalidEmailAddressException when the text is not exactly one valid mailbox with a
   *     domain, or holds a line break or other control character (a header-injection attempt)
   * @since 1.0
   */
  public static EmailAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidEmailAddressException(text, "empty address");
    }
    if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidEmailAddressException(text, "control characters are not allowed");
    }
    InternetAddress[] parsed;
    try {
      parsed = InternetAddress.parseHeader(text.strip(), true);
    } catch (AddressException e) {
      throw new InvalidEmailAddressException(text, e.getMessage());
    }
    if (parsed.length != 1 || parsed[0].isGroup()) {
      throw new InvalidEmailAddressException(text, "expected exactly one address");
    }
    return of(parsed[0], text);
  }

  /**
   * Like {@link #parse(String)}, but empty instead of an exception.
   *
   * @since 1.0
   */
  public static Optional<EmailAddress> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (InvalidEmailAddressException e) {
      return Optional.empty();
    }
  }

  /**
   * Converts an address that Jakarta Mail has parsed (the host's MIME parsing, for example).
   *
   * @since 1.0
   */
  public static EmailAddress of(InternetAddress parsed, String original) {
    String spec = parsed.getAddress();
    if (spec == null) {
      throw new InvalidEmailAddressException(original, "no address");
    }
    int at = spec.lastIndexOf('@');
    if (at <= 0 || at == spec.length() - 1) {
      throw new InvalidEmailAddressException(original, "missing @domain");
    }
    if (spec.startsWith("@")) {
      // obs-route: a relay path from RFC 822 days; no mailbox is named by one
      throw new InvalidEmailAddressException(original, "source routes are not allowed");
    }
    String domain = spec.substring(at + 1);
    if (domain.startsWith("[")) {
      // a literal IP address bypasses every domain rule (blocked domains, desk domains)
      throw new InvalidEmailAddressException(original, "domain literals are not allowed");
    }
    try {
      IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      throw new InvalidEmailAddressException(original, "the domain is not a valid domain name");
    }
    if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
      throw new InvalidEmailAddressException(original, "the domain is not a valid domain name");
    }
    try {
      parsed.validate();
    } catch (AddressException e) {
      throw new InvalidEmailAddressException(original, e.getMessage());
    }
    String name = parsed.getPersonal();
    return new EmailAddress(spec, name == null || name.isBlank() ? null : name.strip());
  }

  /**
   * The address's identity: the addr-spec in its canonical form. The local part is unquoted when
   * its quotes are not needed (else quoted with the fewest escapes), NFC-normalised and
   * lower-cased; the domain is in its lower-cased ASCII (punycode) form. Two spellings of one
   * mailbox have the same key.
   *
   * @since 1.0
   */
  @Override
  @JsonIgnore
  public String key() {
    return key;
  }

  /**
   * The lower-cased domain in its ASCII (punycode) form.
   *
   * @since 1.0
   */
  public String domain() {
    return key.substring(key.lastIndexOf('@') + 1);
  }

  /**
   * The canonical, lower-cased local part (unquoted when quotes are not needed).
   *
   * @since 1.0
   */
  public String localPart() {
    return key.substring(0, key.lastIndexOf('@'));
  }

  /**
   * The lower-cased address without a {@code +tag} in the local part: {@code
   * onboarding+x@acme.test} becomes {@code onboarding@acme.test}. The key itself (no copy) when
   * there is no tag.
   *
   * @since 1.0
   */
  public String untaggedKey() {
    int plus = key.indexOf('+');
    int at = key.lastIndexOf('@');
    // a '+' after the last '@' is in the domain, not a tag
    return plus < 0 || plus > at ? key : key.substring(0, plus) + key.substring(at);
  }

  /**
   * The mailbox as a header would carry it: {@code Name <addr>} or just {@code addr}.
   *
   * @since 1.0
   */
  public String toHeaderForm() {
    if (displayName == null) {
      return address;
    }
    try {
      return new InternetAddress(address, displayName, "UTF-8").toUnicodeString();
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The canonical key of an addr-spec. Never throws: text that is not a valid address (stored
   * before a rule existed, say) still gets a stable, lower-cased key.
   */
  private static String canonicalKey(String address) {
    if (plainAscii(address)) {
      // the common case: nothing to unquote, nothing to convert
      return address.toLowerCase(Locale.ROOT);
    }
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return address.toLowerCase(Locale.ROOT);
    }
    String local = Normalizer.normalize(canonicalLocalPart(address.substring(0, at)), Normalizer.Form.NFC);
    return local.toLowerCase(Locale.ROOT) + "@" + asciiDomain(address.substring(at + 1));
  }

  private static boolean plainAscii(String address) {
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c >= 0x80 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** {@code "hana"} becomes {@code hana}; {@code "a b"} stays quoted, with minimal escapes. */
  private static String canonicalLocalPart(String local) {
    if (local.length() < 2 || local.charAt(0) != '"' || local.charAt(local.length() - 1) != '"') {
      return local;
    }
    StringBuilder inner = new StringBuilder(local.length());
    for (int i = 1; i < local.length() - 1; i++) {
      char c = local.charAt(i);
      if (c == '\\' && i + 1 < local.length() - 1) {
        c = local.charAt(++i);
      }
      inner.append(c);
    }
    String text = inner.toString();
    if (dotAtom(text)) {
      return text;
    }
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** RFC 5322 dot-atom (with RFC 6531's non-ASCII characters as atext). */
  private static boolean dotAtom(String text) {
    if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean atext = c >= 0x80 || Character.isLetterOrDigit(c) && c < 0x80 || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0;
      if (!atext) {
        return false;
      }
    }
    return true;
  }

  private static String asciiDomain(String domain) {
    try {
      return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return domain.toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EmailAddress that && key.equals(that.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return toHeaderForm();
  }
}
