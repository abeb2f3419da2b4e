package dev.deskcc.sim.desk.internal.operation;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.lifecycle.AgentReplied;
import dev.deskcc.api.lifecycle.ContactReplied;
import dev.deskcc.api.lifecycle.RecipientInput;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.EntryKind;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.EntryView;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.desk.ReplyRequest;
import dev.deskcc.sim.desk.internal.change.Change;
import dev.deskcc.sim.desk.internal.change.Details;
import dev.deskcc.sim.desk.internal.change.Notifier;
import dev.deskcc.sim.desk.internal.change.RecipientLists;
import dev.deskcc.sim.desk.internal.change.TicketChanges;
import dev.deskcc.sim.desk.internal.extension.Access;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.store.StoreTx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Replies: an agent's from the reply editor (with recipients), a contact's from the help center. */
public final class Replies {
  private final DeskParts parts;

  public Replies(DeskParts parts) {
    this.parts = parts;
  }

  public EntryView reply(Caller caller, String ticketId, ReplyRequest request) {
    if (request == null || request.content() == null) {
      throw DeskException.badRequest("content is required");
    }
    return parts.lifecycle().run(caller.actor(), change -> {
      Ticket t = parts.access().see(change.tx(), caller, ticketId).ticket();
      TicketChanges.requireNotMerged(t);
      RecipientInput copies = RecipientLists.input(request.cc());
      ThreadEntry entry = caller.isContact()
          ? fromContact(change, caller, t, request, copies)
          : fromAgent(change, caller, t, request, copies);
      return Views.entry(entry);
    });
  }

  /** A help-center reply reopens a closed ticket; it has no {@code to}. */
  private ThreadEntry fromContact(Change change, Caller caller, Ticket t, ReplyRequest request, RecipientInput copies) {
    if (request.to() != null) {
      throw DeskException.badRequest("a help-center reply has no 'to'");
    }
    StoreTx tx = change.tx();
    if (request.cc() != null) {
      // a contact's cc only adds to the ticket's field of that name: where the department's tickets
      // have no such field (its plugin is off), it is refused like any field that is off, not dropped
      parts.fields().requireKnown(tx, t.departmentId(), Map.of("cc", NullNode.getInstance()));
    }
    Contact me = Access.me(tx, caller);
    ThreadEntry entry = new ThreadEntry(tx.newId("e"), EntryKind.REPLY, true, change.actor(), me.email(),
        request.content(), List.of(), List.of(), List.of(), change.now(), null, false);
    TicketStatus status = t.status() == TicketStatus.CLOSED ? TicketStatus.OPEN : t.status();
    Ticket updated = TicketEdits.copy(t, TicketEdits.append(t.thread(), entry), status, null, t.restrictedContactIds());
    tx.putTicket(updated);
    parts.changes().statusChange(change, t, status);
    parts.changes().history(change, t.id(), "CONTACT_REPLIED", Details.obj("entryId", entry.id()));
    parts.changes().process(change, new ContactReplied(updated, change.actor(), entry, copies));
    return entry;
  }

  /** The reply editor: {@code to} left out is the requester; the entry shows who was actually sent it. */
  private ThreadEntry fromAgent(Change change, Caller caller, Ticket t, ReplyRequest request, RecipientInput copies) {
    StoreTx tx = change.tx();
    RecipientInput to = RecipientLists.input(request.to());
    Agent agent = Access.agent(tx, caller);
    List<ItemError> errors = new ArrayList<>();
    List<EmailAddress> toList = to.given() ? RecipientLists.addresses(tx, to, errors)
        : tx.contact(t.requesterId()).flatMap(Notifier::mailbox).map(List::of).orElse(List.of());
    List<EmailAddress> copyList = RecipientLists.addresses(tx, copies, errors);
    ThreadEntry entry = new ThreadEntry(tx.newId("e"), EntryKind.REPLY, true, change.actor(), agent.email(),
        request.content(), toList, copyList, List.of(), change.now(), null, false);
    Ticket updated = TicketEdits.copy(t, TicketEdits.append(t.thread(), entry), t.status(), null, t.restrictedContactIds());
    tx.putTicket(updated);
    parts.changes().history(change, t.id(), "AGENT_REPLIED", Details.obj("entryId", entry.id()));
    AgentReplied event = new AgentReplied(updated, change.actor(), entry, to, copies);
    // Plugins check first: one that owns the reply's recipients (an address list field, say)
    // answers with its own, more specific refusal; the host's generic one is the fallback.
    parts.lifecycle().check(change, event);
    if (!errors.isEmpty()) {
      throw new DeskException(ProblemCode.INVALID_RECIPIENTS, "the reply names addresses that are not valid", errors);
    }
    List<OutgoingMail> sent = parts.notifier().send(change, event);
    ThreadEntry actual = Notifier.withRecipients(entry, sent.stream().findFirst());
    Ticket finalTicket = TicketEdits.replaceEntry(tx.ticket(t.id()).orElseThrow(), actual, false);
    tx.putTicket(finalTicket);
    change.replace(event, new AgentReplied(finalTicket, change.actor(), actual, to, copies));
    return actual;
  }
}
