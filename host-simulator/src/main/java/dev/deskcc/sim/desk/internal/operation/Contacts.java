package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.ContactList;
import dev.deskcc.sim.desk.internal.change.Lifecycle;
import dev.deskcc.sim.desk.internal.extension.Access;
import dev.deskcc.sim.store.StoreReader;
import dev.deskcc.sim.store.StoreTx;
import java.util.Locale;

/** Contacts: the agents' search, and the one way an unknown address becomes an active contact. */
public final class Contacts {
  private final Lifecycle lifecycle;

  public Contacts(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  public ContactList search(Caller caller, String email) {
    Access.requireAgent(caller);
    StoreReader r = lifecycle.reader();
    // the canonical key, as every address rule compares: "emma"@example.com finds emma@example.com
    String key = email == null ? null
        : EmailAddress.tryParse(email).map(EmailAddress::key).orElse(email.strip().toLowerCase(Locale.ROOT));
    return new ContactList(r.contacts().stream()
        .filter(c -> key == null || c.address().map(a -> a.key().equals(key)).orElse(false))
        .map(Views::contact)
        .toList());
  }

  /**
   * The contact with this address, created (active, named {@code name} or the display name) when
   * unknown: insert-or-get, so two changes on different nodes meeting one new address make one.
   */
  static Contact findOrCreate(StoreTx tx, EmailAddress address, String name) {
    return tx.contactByAddress(address).orElseGet(() -> {
      String display = name != null && !name.isBlank() ? name.strip() : address.displayName();
      return tx.contactFor(new Contact(tx.newId("c"), new EmailAddress(address.address(), null), display,
          ContactStatus.ACTIVE, false));
    });
  }
}
