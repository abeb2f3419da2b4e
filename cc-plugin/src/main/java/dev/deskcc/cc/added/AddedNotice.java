package dev.deskcc.cc.added;

import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.lifecycle.MailReceived;
import dev.deskcc.api.lifecycle.TicketCreated;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.notify.PluginEvent;
import dev.deskcc.api.notify.PluginMessage;
import dev.deskcc.api.notify.RecipientLine;
import dev.deskcc.cc.settings.CcMailSettings;
import dev.deskcc.cc.store.CcEntry;
import dev.deskcc.cc.store.TicketCcData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells each person who starts getting a ticket's CC mail in a change that they were added, who
 * added them, why they get mail and how to stop it: one {@code CC_ADDED} message each, through the
 * host's outbox, with the change (contract §6, setting {@code notifyWhenAdded}).
 *
 * <p>"Starts getting mail" is: on the list after the change and not held, and before it either
 * not on the list or held (a held entry is told when an agent releases it). People who join with
 * the ticket's creation are told by its {@code TICKET_CREATED} message instead. Muted and bouncing
 * people are the host's to leave out, as the person who acted is.
 */
public final class AddedNotice {

  /** The event name of the notice in the outbox. */
  public static final PluginEvent CC_ADDED = new PluginEvent("CC_ADDED");

  private AddedNotice() {}

  /**
   * Sends the notices for the change from {@code before} to {@code after} of {@code event}'s
   * ticket (or of {@code ticket}, a merge's target); call it in the check, where the context is
   * writable, once the change to the list is decided.
   */
  public static void tell(TicketEvent event, Ticket ticket, TicketCcData before, TicketCcData after,
      PluginContext context) {
    if (after == before || event instanceof TicketCreated || event instanceof MailReceived m && m.newTicket()) {
      return;
    }
    List<String> joined = joined(before, after);
    if (joined.isEmpty()) {
      return;
    }
    CcMailSettings settings = CcMailSettings.of(ticket.departmentId(), context);
    if (!settings.notifyWhenAdded()) {
      return;
    }
    Adder adder = Adder.of(event, ticket, settings, context);
    RecipientLine line = settings.isPrivate() ? RecipientLine.PRIVATE : RecipientLine.TO;
    for (String contactId : joined) {
      Contact contact = context.contacts().byId(contactId).orElse(null);
      if (contact == null || contact.email() == null) {
        continue;
      }
      EmailAddress to = new EmailAddress(contact.email().address(), contact.name());
      NoticeText text = NoticeText.of(ticket, contact, adder);
      context.outbox().send(new PluginMessage(ticket.id(), CC_ADDED,
          List.of(new PluginMessage.Recipient(to, line)), text.subject(), text.plain(), text.html()));
    }
  }

  /** Contact ids that get the list's mail after the change and did not before, in list order. */
  static List<String> joined(TicketCcData before, TicketCcData after) {
    Set<String> hadMail = new HashSet<>();
    for (CcEntry e : before.entries()) {
      if (!before.isHeld(e.contactId())) {
        hadMail.add(e.contactId());
      }
    }
    List<String> joined = new ArrayList<>();
    for (CcEntry e : after.entries()) {
      if (!after.isHeld(e.contactId()) && !hadMail.contains(e.contactId())) {
        joined.add(e.contactId());
      }
    }
    return joined;
  }
}
