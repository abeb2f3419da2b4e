package dev.deskcc.cc.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One CC of a ticket with its provenance.
 *
 * @param email the contact's address as the contact record spells it
 * @param name may be {@code null}
 * @param addedAt ISO-8601 UTC, exactly as stored ({@link Instant#toString()} when written). Kept
 *     as text because the CC data is decoded several times per change and parsing every entry's
 *     time each time was a large share of the plugin's cost; nothing compares times on the hot
 *     path, and writing the text back unchanged keeps the stored JSON byte-identical.
 */
public record CcEntry(
    String contactId, String email, String name, CcSource source, AddedBy addedBy, String addedAt) {
  public CcEntry {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(addedBy, "addedBy");
    Objects.requireNonNull(addedAt, "addedAt");
  }

  /** A CC added at {@code addedAt}, written in the stored ISO-8601 form. */
  public CcEntry(String contactId, String email, String name, CcSource source, AddedBy addedBy, Instant addedAt) {
    this(contactId, email, name, source, addedBy, Objects.requireNonNull(addedAt, "addedAt").toString());
  }

  /** The address's identity: lower-cased, as {@code EmailAddress#key()}. */
  public String key() {
    return email.toLowerCase(Locale.ROOT);
  }
}
