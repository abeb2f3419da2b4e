package dev.deskcc.api.model;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One mailbox: an RFC 5322 address with an optional display name.
 *
 * <p>Identity ignores case and display name: {@link #key()} is what two addresses are compared
 * by, and {@link #equals(Object)} uses it. Parsing is done by Jakarta Mail's address parser, never
 * by a hand-made pattern.
 *
 * @param address the addr-spec as written ({@code local@domain}), case kept
 * @param displayName may be {@code null}
 */
public record EmailAddress(String address, String displayName) {

  public EmailAddress {
    Objects.requireNonNull(address, "address");
  }

  /**
   * Parses one mailbox such as {@code ann@example.com} or {@code "Lee, Ann" <ann@example.com>}.
   *
   * @throws InvalidEmailAddressException when the text is not exactly one valid mailbox with a
   *     domain, or holds a line break or other control character (a header-injection attempt)
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

  /** Like {@link #parse(String)}, but empty instead of an exception. */
  public static Optional<EmailAddress> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (InvalidEmailAddressException e) {
      return Optional.empty();
    }
  }

  /** Converts an address that Jakarta Mail has parsed (the host's MIME parsing, for example). */
  public static EmailAddress of(InternetAddress parsed, String original) {
    String spec = parsed.getAddress();
    if (spec == null) {
      throw new InvalidEmailAddressException(original, "no address");
    }
    int at = spec.lastIndexOf('@');
    if (at <= 0 || at == spec.length() - 1) {
      throw new InvalidEmailAddressException(original, "missing @domain");
    }
    String domain = spec.substring(at + 1);
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

  /** The lower-cased addr-spec: the address's identity. */
  public String key() {
    return address.toLowerCase(Locale.ROOT);
  }

  /** The lower-cased domain. */
  public String domain() {
    return key().substring(key().lastIndexOf('@') + 1);
  }

  /** The lower-cased local part. */
  public String localPart() {
    return key().substring(0, key().lastIndexOf('@'));
  }

  /**
   * The lower-cased address without a {@code +tag} in the local part: {@code
   * onboarding+x@acme.test} becomes {@code onboarding@acme.test}.
   */
  public String untaggedKey() {
    String local = localPart();
    int plus = local.indexOf('+');
    return plus < 0 ? key() : local.substring(0, plus) + "@" + domain();
  }

  /** The mailbox as a header would carry it: {@code Name <addr>} or just {@code addr}. */
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

  @Override
  public boolean equals(Object other) {
    return other instanceof EmailAddress that && key().equals(that.key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return toHeaderForm();
  }
}
