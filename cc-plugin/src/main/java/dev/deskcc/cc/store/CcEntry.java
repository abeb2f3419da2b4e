package dev.deskcc.cc.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One CC of a ticket with its provenance.
 *
 * @param email the contact's address as the contact record spells it
 * @param name may be {@code null}
 */
public record CcEntry(
    String contactId, String email, String name, CcSource source, AddedBy addedBy, Instant addedAt) {
  public CcEntry {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(addedBy, "addedBy");
    Objects.requireNonNull(addedAt, "addedAt");
  }

  /** The address's identity: lower-cased, as {@code EmailAddress#key()}. */
  public String key() {
    return email.toLowerCase(Locale.ROOT);
  }
}
