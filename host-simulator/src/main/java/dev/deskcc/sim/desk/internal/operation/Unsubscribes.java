package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.host.DeskAddressKind;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.internal.change.Details;
import dev.deskcc.sim.desk.internal.extension.Access;
import dev.deskcc.sim.desk.internal.change.Change;
import dev.deskcc.sim.mail.DeliveryReport;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.mail.ParsedMail;
import dev.deskcc.sim.recipient.RecipientCopy;
import dev.deskcc.sim.recipient.NotificationsView;
import dev.deskcc.sim.recipient.UnsubscribePage;
import dev.deskcc.sim.recipient.UnsubscribeToken;
import dev.deskcc.sim.recipient.WorldSecret;
import dev.deskcc.sim.store.Bounce;
import dev.deskcc.sim.store.Mute;
import dev.deskcc.sim.store.OutboxEntry;
import dev.deskcc.sim.store.StoreReader;
import dev.deskcc.sim.store.StoreTx;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Recipients in control (contract §6), the desk's part: one-click unsubscribe links, a contact's
 * own mute switch, and bounce marks. Every mute or unmute that changes something is recorded in
 * the ticket's history ({@code RECIPIENT_MUTED}, {@code RECIPIENT_UNMUTED}, actor: the contact);
 * one that changes nothing records nothing.
 */
public final class Unsubscribes {
  private final DeskParts parts;

  public Unsubscribes(DeskParts parts) {
    this.parts = parts;
  }

  /** What the link is for; changes nothing. 404 for a token that is not valid in this world. */
  public UnsubscribePage page(String token) {
    StoreReader r = parts.lifecycle().reader();
    Target target = target(r, token);
    return target.page(r.mute(target.ticket().id(), target.contact().id()).isPresent());
  }

  /** Mutes the link's person on its ticket; harmless to repeat. */
  public UnsubscribePage unsubscribe(String token) {
    UnsubscribeToken claim = claim(parts.lifecycle().reader(), token);
    return parts.lifecycle().run(Actor.contact(claim.contactId()), change -> {
      Target target = target(change.tx(), token);
      setMuted(change, target.ticket(), target.contact().id(), true);
      return target.page(true);
    });
  }

  /**
   * Whether the mail is an unsubscribe request: sent to a plus-tagged unsubscribe form of a
   * support address ({@link RecipientCopy#MAILTO_TAG}). If its token is valid in this world, the
   * token's person is muted on its ticket; if not, nothing changes. Either way the mail is not
   * taken in. Runs inside the intake's change, before threading.
   */
  public boolean mailto(Change change, ParsedMail mail) {
    StoreTx tx = change.tx();
    Optional<String> token = Stream.of(mail.to(), mail.cc(), mail.envelopeRecipients()).flatMap(List::stream)
        .filter(a -> tx.deskAddress(a).filter(d -> d.kind() == DeskAddressKind.SUPPORT).isPresent())
        .map(a -> RecipientCopy.tokenIn(a.address().substring(0, a.address().lastIndexOf('@'))))
        .flatMap(Optional::stream)
        .findFirst();
    if (token.isEmpty()) {
      return false;
    }
    Optional<UnsubscribeToken> claim = WorldSecret.of(tx).flatMap(s -> s.verify(token.get()));
    Optional<Ticket> ticket = claim.flatMap(c -> tx.ticket(c.ticketId()));
    boolean person = claim.flatMap(c -> tx.contact(c.contactId())).isPresent();
    if (ticket.isPresent() && person) {
      setMuted(change.as(Actor.contact(claim.get().contactId())), ticket.get(), claim.get().contactId(), true);
    }
    return true;
  }

  public NotificationsView notifications(Caller caller, String ticketId) {
    requireContact(caller, ticketId);
    StoreReader r = parts.lifecycle().reader();
    Ticket t = parts.access().see(r, caller, ticketId).ticket();
    return new NotificationsView(r.mute(t.id(), caller.id()).isPresent());
  }

  public NotificationsView setNotifications(Caller caller, String ticketId, Boolean muted) {
    requireContact(caller, ticketId);
    if (muted == null) {
      throw DeskException.badRequest("muted must be true or false");
    }
    return parts.lifecycle().run(caller.actor(), change -> {
      Ticket t = parts.access().see(change.tx(), caller, ticketId).ticket();
      setMuted(change, t, caller.id(), muted);
      return new NotificationsView(muted);
    });
  }

  /**
   * Marks {@code address} bouncing because the desk's message {@code messageId} to it bounced,
   * in a change of its own (see {@link #bounced(Change, DeliveryReport)}).
   *
   * @return whether the address was a recipient of that message (and is now marked)
   */
  public boolean markBouncing(String messageId, EmailAddress address) {
    return parts.lifecycle().run(Actor.system(), change -> markBouncing(change, messageId, address));
  }

  /**
   * Takes in a delivery report (RFC 3464): every recipient it names with {@code Action: failed}
   * that was a recipient of the desk's message it reports on is marked bouncing. Other actions,
   * a report on a message the desk did not send, and an address that message did not go to
   * change nothing: a report is anyone's to forge, so it may only stop mail to people the
   * reported message really went to.
   */
  public void bounced(Change change, DeliveryReport report) {
    String messageId = report.originalMessageId();
    if (messageId == null) {
      return;
    }
    for (DeliveryReport.Recipient r : report.recipients()) {
      if (r.action() == DeliveryReport.Action.FAILED) {
        markBouncing(change, messageId, r.address());
      }
    }
  }

  private boolean markBouncing(Change change, String messageId, EmailAddress address) {
    StoreTx tx = change.tx();
    // the index answers an unknown id at once, and a known one names the ticket whose few
    // messages are read (the desk indexes each message it sends under its own ticket)
    Optional<String> ticketOf = tx.ticketByMessageId(messageId);
    if (ticketOf.isEmpty()) {
      return false;
    }
    Optional<OutgoingMail> sent = tx.outbox(ticketOf.get()).stream().map(OutboxEntry::mail)
        .filter(m -> m.messageId().equals(messageId)).findFirst();
    if (sent.isEmpty() || Stream.concat(sent.get().to().stream(), sent.get().cc().stream())
        .noneMatch(address::equals)) {
      return false;
    }
    if (tx.bounce(address).isPresent()) {
      return true; // a second report of the same bounce: already marked, nothing to record
    }
    String ticketId = sent.get().ticketId();
    tx.ticket(ticketId); // locks the ticket: its history gets the event
    tx.putBounce(new Bounce(address.address(), ticketId, change.now()));
    parts.changes().history(change, ticketId, "RECIPIENT_BOUNCED",
        Details.obj("email", address.address(), "messageId", messageId));
    return true;
  }

  /** An agent clears a contact's bounce: the address is mailed again. 404 when it is not bouncing. */
  public void clearBounce(Caller caller, String contactId) {
    Access.requireAgent(caller);
    parts.lifecycle().run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      EmailAddress address = tx.contact(contactId).flatMap(Contact::address)
          .filter(a -> tx.bounce(a).isPresent())
          .orElseThrow(() -> DeskException.notFound("contact " + contactId + " is not bouncing"));
      tx.removeBounce(address);
      return null;
    });
  }

  private void setMuted(Change change, Ticket t, String contactId, boolean muted) {
    StoreTx tx = change.tx();
    boolean was = tx.mute(t.id(), contactId).isPresent();
    if (was == muted) {
      return;
    }
    if (muted) {
      tx.putMute(new Mute(t.id(), contactId, change.now()));
    } else {
      tx.removeMute(t.id(), contactId);
    }
    String email = tx.contact(contactId).flatMap(Contact::address).map(EmailAddress::address).orElse(null);
    parts.changes().history(change, t.id(), muted ? "RECIPIENT_MUTED" : "RECIPIENT_UNMUTED",
        Details.obj("contactId", contactId, "email", email));
  }

  /** Agents see mutes on the ticket's {@code suppressed}; the switch is the person's own. */
  private void requireContact(Caller caller, String ticketId) {
    if (!caller.isContact()) {
      parts.access().see(parts.lifecycle().reader(), caller, ticketId);
      throw DeskException.forbidden("a person's mail setting is theirs to change (contacts only)");
    }
  }

  private static UnsubscribeToken claim(StoreReader r, String token) {
    return WorldSecret.of(r).flatMap(s -> s.verify(token))
        .orElseThrow(() -> DeskException.notFound("no such unsubscribe link"));
  }

  private static Target target(StoreReader r, String token) {
    UnsubscribeToken claim = claim(r, token);
    Ticket t = r.ticket(claim.ticketId()).orElseThrow(() -> DeskException.notFound("no such unsubscribe link"));
    Contact c = r.contact(claim.contactId()).filter(x -> x.address().isPresent())
        .orElseThrow(() -> DeskException.notFound("no such unsubscribe link"));
    return new Target(t, c);
  }

  private record Target(Ticket ticket, Contact contact) {
    UnsubscribePage page(boolean muted) {
      return new UnsubscribePage(ticket.number(), ticket.subject(), contact.address().orElseThrow().address(), muted);
    }
  }
}
