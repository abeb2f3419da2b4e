package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.api.host.DeskAddressKind;
import dev.deskcc.api.lifecycle.InboundMail;
import dev.deskcc.api.lifecycle.MailReceived;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Attachment;
import dev.deskcc.api.model.Channel;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.EntryKind;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.DroppedMail;
import dev.deskcc.sim.desk.InboundResult;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.desk.internal.change.Change;
import dev.deskcc.sim.desk.internal.change.Details;
import dev.deskcc.sim.desk.internal.extension.Access;
import dev.deskcc.sim.desk.internal.extension.Participants;
import dev.deskcc.sim.mail.MailAttachment;
import dev.deskcc.sim.mail.ParsedMail;
import dev.deskcc.sim.store.StoreTx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Inbound mail: routes a parsed message to a department, threads it into a ticket or creates one,
 * and keeps its attachments. Dropped, and so changing nothing: a message seen before, a delivery
 * report, and mail from the desk's own addresses.
 */
public final class MailIntake {
  private final DeskParts parts;
  private final Participants participants;
  private final Unsubscribes unsubscribes;

  public MailIntake(DeskParts parts, Participants participants, Unsubscribes unsubscribes) {
    this.parts = parts;
    this.participants = participants;
    this.unsubscribes = unsubscribes;
  }

  public InboundResult take(Caller caller, ParsedMail mail) {
    Access.requireAdmin(caller);
    return parts.lifecycle().run(Actor.system(), change -> {
      StoreTx tx = change.tx();
      if (mail.deliveryReport().isPresent()) {
        // Recognised before routing: a report needs no support address among its recipients,
        // and threads nowhere, matched or not.
        unsubscribes.bounced(change, mail.deliveryReport().get());
        return InboundResult.dropped(DroppedMail.DELIVERY_REPORT);
      }
      if (unsubscribes.mailto(change, mail)) {
        return InboundResult.dropped(DroppedMail.UNSUBSCRIBE_REQUEST);
      }
      if (mail.messageId() != null && tx.ticketByMessageId(mail.messageId()).isPresent()) {
        return InboundResult.dropped(DroppedMail.DUPLICATE_MESSAGE);
      }
      if (tx.deskAddress(mail.from()).isPresent()) {
        // The desk's own support or from-address as author: the desk's mail coming back (a loop,
        // or a forged sender). It can be nobody's request, so it is not taken in at all.
        return InboundResult.dropped(DroppedMail.FROM_DESK_ADDRESS);
      }
      List<Department> departments = tx.departments();
      Department dept = MailRouting.route(departments, mail)
          .orElseThrow(() -> new DeskException(ProblemCode.NO_DEPARTMENT, "no department's support address received the message"));
      boolean automated = mail.autoSubmitted();
      InboundMail facts = new InboundMail(mail.from(), mail.to(), mail.cc(), mail.subject(), mail.messageId(),
          automated, addressedToDesk(tx, mail), mail.invalidRecipients());
      // the SPI promises the sender as a contact, whoever sent it
      Contact sender = Contacts.findOrCreate(tx, mail.from(), mail.from().displayName());
      Actor actor = Actor.contact(sender.id());
      Change step = change.as(actor);
      List<Attachment> attachments = attachments(tx, mail);
      ThreadEntry entry = new ThreadEntry(tx.newId("e"), EntryKind.INBOUND, true, actor, mail.from(), mail.textBody(),
          mail.to(), mail.cc(), attachments, step.now(), null, false);
      Optional<Ticket> existing = thread(step, mail, sender);
      Ticket ticket = existing.isPresent()
          ? threaded(step, existing.get(), entry, automated)
          : created(step, dept, mail, entry);
      if (mail.messageId() != null) {
        tx.addMessageId(ticket.id(), mail.messageId());
      }
      parts.changes().history(step, ticket.id(), "MAIL_RECEIVED",
          Details.obj("entryId", entry.id(), "automated", String.valueOf(automated)));
      parts.changes().process(step, new MailReceived(ticket, actor, entry, facts, existing.isEmpty()));
      return InboundResult.taken(ticket.id(), existing.isEmpty(), entry.id());
    });
  }

  /**
   * The ticket the mail answers: the one whose message it references, else one its subject names
   * by number, but only if the sender takes part in it. A stranger's {@code [#101]} starts a new
   * ticket: anyone can type a number, and threading would put their text and their recipients on
   * someone else's ticket.
   */
  private Optional<Ticket> thread(Change step, ParsedMail mail, Contact sender) {
    Optional<Ticket> referenced = MailRouting.byReference(step.tx(), mail);
    if (referenced.isPresent()) {
      return referenced;
    }
    for (Ticket named : MailRouting.byNumber(step.tx(), mail)) {
      // a merged ticket's people keep writing to its old number: they count as its target's
      Ticket target = MailRouting.followMerge(step.tx(), named);
      if (participants.includes(step, named, sender)
          || (target != named && participants.includes(step, target, sender))) {
        return Optional.of(target);
      }
    }
    return Optional.empty();
  }

  /** Whether a support address is in {@code To} or {@code Cc} (not only the envelope, as with Bcc). */
  private static boolean addressedToDesk(StoreTx tx, ParsedMail mail) {
    for (EmailAddress a : MailRouting.concat(mail.to(), mail.cc())) {
      if (tx.deskAddress(a).filter(d -> d.kind() == DeskAddressKind.SUPPORT).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static List<Attachment> attachments(StoreTx tx, ParsedMail mail) {
    List<Attachment> attachments = new ArrayList<>();
    for (MailAttachment a : mail.attachments()) {
      String sha = a.sha256();
      tx.putAttachment(sha, a.content());
      attachments.add(new Attachment(a.name(), a.size(), a.contentType(), sha));
    }
    return attachments;
  }

  /** Mail from a person reopens a closed ticket; automated mail does not. */
  private Ticket threaded(Change step, Ticket t, ThreadEntry entry, boolean automated) {
    TicketStatus status = t.status() == TicketStatus.CLOSED && !automated ? TicketStatus.OPEN : t.status();
    Ticket ticket = TicketEdits.copy(t, TicketEdits.append(t.thread(), entry), status, t.mergedInto(),
        t.restrictedContactIds());
    step.tx().putTicket(ticket);
    parts.changes().statusChange(step, t, status);
    return ticket;
  }

  private Ticket created(Change step, Department dept, ParsedMail mail, ThreadEntry entry) {
    StoreTx tx = step.tx();
    String subject = mail.subject().isBlank() ? "(no subject)" : mail.subject().strip();
    Ticket ticket = new Ticket(tx.newId("t"), tx.nextTicketNumber(), dept.id(), subject, TicketStatus.OPEN,
        Channel.EMAIL, step.actor().id(), List.of(entry), 1, null, Set.of(), step.now());
    tx.putTicket(ticket, mail.textBody());
    parts.changes().history(step, ticket.id(), "TICKET_CREATED", Details.obj("channel", Channel.EMAIL.name()));
    return ticket;
  }
}
