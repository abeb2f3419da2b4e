package dev.deskcc.cc.address;

import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import java.util.Objects;

/**
 * An address that passed the rules and may become a CC.
 *
 * @param contact the existing contact with this address; {@code null} for an address the desk does
 *     not know yet (a contact is created only once the whole change is accepted)
 */
public record CcCandidate(EmailAddress address, String key, Contact contact) {
  public CcCandidate {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(key, "key");
  }
}
