package dev.deskcc.api.host;

import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import java.util.Optional;

/**
 * The desk's contacts. Address look-ups ignore case.
 *
 * @since 1.0
 */
public interface Contacts {

  /**
   * The contact with this id; empty when there is none.
   *
   * @since 1.0
   */
  Optional<Contact> byId(String contactId);

  /**
   * The contact with this address (compared by {@link EmailAddress#key()}), if any.
   *
   * @since 1.0
   */
  Optional<Contact> byAddress(EmailAddress address);

  /**
   * Returns the contact with this address, creating an {@code ACTIVE} one (named by the address's
   * display name) when there is none. Needs a writable context; the creation commits with the
   * change.
   *
   * @since 1.0
   */
  Contact findOrCreate(EmailAddress address);
}
