package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.desk.RestrictionRequest;
import dev.deskcc.sim.desk.RestrictionView;
import dev.deskcc.sim.desk.internal.change.Details;
import dev.deskcc.sim.desk.internal.change.RecipientLists;
import dev.deskcc.sim.store.StoreTx;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Help-center restrictions: an agent bars a contact from a ticket, or lifts the bar. */
public final class Restrictions {
  private final DeskParts parts;

  public Restrictions(DeskParts parts) {
    this.parts = parts;
  }

  public RestrictionView add(Caller caller, String ticketId, RestrictionRequest request) {
    parts.access().requireAgentOrHide(caller, ticketId);
    if (request == null || request.email() == null) {
      throw DeskException.badRequest("email is required");
    }
    return parts.lifecycle().run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = parts.access().see(tx, caller, ticketId).ticket();
      EmailAddress address = RecipientLists.parseOr422(request.email(), ProblemCode.INVALID_ADDRESS);
      Contact c = tx.contactByAddress(address)
          .orElseThrow(() -> new DeskException(ProblemCode.UNKNOWN_CONTACT, "no contact " + address.address()));
      restrict(tx, t, restricted -> restricted.add(c.id()));
      parts.changes().history(change, t.id(), "RESTRICTION_ADDED",
          Details.obj("contactId", c.id(), "email", address.address()));
      return new RestrictionView(c.id(), c.address().map(EmailAddress::address).orElse(null), c.name());
    });
  }

  public void lift(Caller caller, String ticketId, String contactId) {
    parts.access().requireAgentOrHide(caller, ticketId);
    parts.lifecycle().run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = parts.access().see(tx, caller, ticketId).ticket();
      if (!t.restrictedContactIds().contains(contactId)) {
        throw DeskException.notFound("contact " + contactId + " is not restricted from this ticket");
      }
      restrict(tx, t, restricted -> restricted.remove(contactId));
      parts.changes().history(change, t.id(), "RESTRICTION_LIFTED", Details.obj("contactId", contactId));
      return null;
    });
  }

  private static void restrict(StoreTx tx, Ticket t, Consumer<Set<String>> edit) {
    Set<String> restricted = new LinkedHashSet<>(t.restrictedContactIds());
    edit.accept(restricted);
    tx.putTicket(TicketEdits.copy(t, t.thread(), t.status(), t.mergedInto(), restricted));
  }
}
