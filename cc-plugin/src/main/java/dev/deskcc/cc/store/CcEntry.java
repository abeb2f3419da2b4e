package dev.deskcc.cc.store;

import dev.deskcc.api.host.Contacts;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One CC of a ticket with its provenance.
 *
 * <p>What is stored of a CC is the contact's id and the provenance ({@code source}, {@code
 * addedBy}, {@code addedAt}); the address and name belong to the contact, which the host keeps.
 * An entry read from storage takes them from the contact when it is read (a change decodes a
 * ticket's list once, see {@link CcStore#read}), so a CC shows the contact as it is now: renamed,
 * it shows the new address and name; marked deleted, it still shows its address. Only a contact
 * the host no longer has at all shows no address ({@link #email()} {@code null}). An entry is a
 * value: it keeps no host service, so it may outlive the callback that read it. An entry read or
 * made from a contact also keeps that contact record as it was then ({@link #contact()}), so the
 * callbacks of the same change (recipients, the field) neither look it up nor parse its address
 * again.
 *
 * <p>Equality is that of the stored form (contact id and provenance): the address is the
 * contact's, not the entry's.
 */
public final class CcEntry {

  /**
   * The contact's address (its canonical key derived once) and name, and the contact record they
   * came from when there was one; one immutable value (safe to publish racily).
   */
  private record Shown(EmailAddress address, String name, Contact contact) {
    static final Shown UNKNOWN = new Shown(null, null, null);

    static Shown of(String email, String name) {
      // the key is EmailAddress's canonical key, so a CC compares with every other address alike
      return new Shown(email == null ? null : new EmailAddress(email, null), name, null);
    }

    static Shown of(Contact contact) {
      EmailAddress email = contact.email();
      // the address alone: a display name is the contact's name, shown apart
      EmailAddress address = email == null || email.displayName() == null ? email : new EmailAddress(email.address(), null);
      return new Shown(address, contact.name(), contact);
    }
  }

  private final String contactId;
  private final CcSource source;
  private final AddedBy addedBy;
  private final String addedAt;
  private final Shown shown;

  /**
   * A CC of a contact whose address and name are at hand.
   *
   * @param email the contact's address as the contact record spells it
   * @param name may be {@code null}
   * @param addedAt ISO-8601 UTC, exactly as stored ({@link Instant#toString()} when written). Kept
   *     as text: nothing compares times, and writing it back unchanged keeps the stored JSON
   *     byte-identical (and parsing is not free; see BENCHMARKS.md).
   */
  public CcEntry(String contactId, String email, String name, CcSource source, AddedBy addedBy, String addedAt) {
    this(contactId, source, addedBy, addedAt, Shown.of(Objects.requireNonNull(email, "email"), name));
  }

  /** A CC added at {@code addedAt}, written in the stored ISO-8601 form. */
  public CcEntry(String contactId, String email, String name, CcSource source, AddedBy addedBy, Instant addedAt) {
    this(contactId, email, name, source, addedBy, Objects.requireNonNull(addedAt, "addedAt").toString());
  }

  private CcEntry(String contactId, CcSource source, AddedBy addedBy, String addedAt, Shown shown) {
    this.contactId = Objects.requireNonNull(contactId, "contactId");
    this.source = Objects.requireNonNull(source, "source");
    this.addedBy = Objects.requireNonNull(addedBy, "addedBy");
    this.addedAt = Objects.requireNonNull(addedAt, "addedAt");
    this.shown = shown;
  }

  /** An entry as stored, with its contact's address and name looked up in {@code contacts} now. */
  public static CcEntry stored(String contactId, CcSource source, AddedBy addedBy, String addedAt, Contacts contacts) {
    Shown shown = contacts.byId(Objects.requireNonNull(contactId, "contactId")).map(Shown::of).orElse(Shown.UNKNOWN);
    return new CcEntry(contactId, source, addedBy, addedAt, shown);
  }

  /** A CC of {@code contact} (which has an address) added now. */
  public static CcEntry of(Contact contact, CcSource source, AddedBy addedBy, Instant addedAt) {
    Objects.requireNonNull(contact.email(), "a CC's contact has an address");
    return new CcEntry(contact.id(), source, addedBy, Objects.requireNonNull(addedAt, "addedAt").toString(),
        Shown.of(contact));
  }

  /** The same CC (contact, address, name) with a new provenance: moved by a merge, say. */
  public CcEntry withProvenance(CcSource source, AddedBy addedBy, Instant addedAt) {
    return new CcEntry(contactId, source, addedBy, Objects.requireNonNull(addedAt, "addedAt").toString(), shown);
  }

  private Shown shown() {
    return shown;
  }

  public String contactId() {
    return contactId;
  }

  /**
   * The contact's address as the contact record spells it; {@code null} only when the host no
   * longer knows the contact (or it has lost its address).
   */
  public String email() {
    EmailAddress address = shown().address();
    return address == null ? null : address.address();
  }

  /**
   * The contact's address as a value (no display name); {@code null} exactly when {@link #email()}
   * is.
   */
  public EmailAddress address() {
    return shown().address();
  }

  /**
   * The contact record this entry was read or made from, as it was then (within one change, as it
   * is); empty for an entry made from an address and name alone, or whose contact the host no
   * longer has.
   */
  public Optional<Contact> contact() {
    return Optional.ofNullable(shown().contact());
  }

  /** The contact's name; may be {@code null}. */
  public String name() {
    return shown().name();
  }

  public CcSource source() {
    return source;
  }

  public AddedBy addedBy() {
    return addedBy;
  }

  /** ISO-8601 UTC, exactly as stored. */
  public String addedAt() {
    return addedAt;
  }

  /**
   * The address's identity: its canonical key, {@link EmailAddress#key()}; empty (equal to no
   * address's key) when the contact has no address any more.
   */
  public String key() {
    EmailAddress address = shown().address();
    return address == null ? "" : address.key();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CcEntry e
        && contactId.equals(e.contactId)
        && source == e.source
        && addedBy.equals(e.addedBy)
        && addedAt.equals(e.addedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(contactId, source, addedBy, addedAt);
  }

  @Override
  public String toString() {
    return "CcEntry[contactId=" + contactId + ", email=" + email() + ", name=" + shown.name()
        + ", source=" + source + ", addedBy=" + addedBy + ", addedAt=" + addedAt + "]";
  }
}
