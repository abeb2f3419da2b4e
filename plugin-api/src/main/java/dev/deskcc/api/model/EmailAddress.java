package dev.deskcc.api.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
 * <p>The key is derived from the address once, when the value is made, and kept as a record
 * component: addresses are hashed, compared and screened many times per notification, and
 * lower-casing the address on every use was a measurable share of sending one. Construct with
 * {@link #EmailAddress(String, String)}; the key passed to the canonical constructor is ignored
 * and derived again, so two values with the same address always have the same key. JSON mappers
 * leave it out (it is not data).
 *
 * @param address the addr-spec as written ({@code local@domain}), case kept
 * @param displayName may be {@code null}; a single line ({@link SingleLine})
 * @param key the lower-cased address (derived; see {@link #key()})
 */
public record EmailAddress(String address, String displayName, @JsonIgnore String key) {

  /** Derives the key from the address, whatever key was passed. */
  public EmailAddress {
    Objects.requireNonNull(address, "address");
    displayName = SingleLine.of(displayName);
    key = address.toLowerCase(Locale.ROOT);
  }

  /** The mailbox {@code address} with the display name {@code displayName} (may be {@code null}). */
  public EmailAddress(String address, String displayName) {
    this(address, displayName, null);
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
  @Override
  @JsonIgnore
  public String key() {
    return key;
  }

  /** The lower-cased domain. */
  public String domain() {
    return key.substring(key.lastIndexOf('@') + 1);
  }

  /** The lower-cased local part. */
  public String localPart() {
    return key.substring(0, key.lastIndexOf('@'));
  }

  /**
   * The lower-cased address without a {@code +tag} in the local part: {@code
   * onboarding+x@acme.test} becomes {@code onboarding@acme.test}. The key itself (no copy) when
   * there is no tag.
   */
  public String untaggedKey() {
    int plus = key.indexOf('+');
    int at = key.lastIndexOf('@');
    // a '+' after the last '@' is in the domain, not a tag
    return plus < 0 || plus > at ? key : key.substring(0, plus) + key.substring(at);
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
