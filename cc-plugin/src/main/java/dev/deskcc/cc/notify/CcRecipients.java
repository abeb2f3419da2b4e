package dev.deskcc.cc.notify;

import dev.deskcc.cc.settings.CcMailSettings;
import dev.deskcc.api.host.Contacts;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.lifecycle.AgentReplied;
import dev.deskcc.api.lifecycle.CommentAdded;
import dev.deskcc.api.lifecycle.CommentDeleted;
import dev.deskcc.api.lifecycle.CommentEdited;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.notify.Notification;
import dev.deskcc.api.notify.RecipientContributor;
import dev.deskcc.api.notify.RecipientDecision;
import dev.deskcc.api.notify.RecipientLine;
import dev.deskcc.cc.address.AddressRules;
import dev.deskcc.cc.address.AddressCode;
import dev.deskcc.cc.settings.CcSettings;
import dev.deskcc.cc.store.CcEntry;
import dev.deskcc.cc.store.CcStore;
import dev.deskcc.cc.store.TicketCcData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Copies the ticket's current CCs (line {@code Cc}) on the mail the desk sends about key ticket
 * activities: creation, agent replies, public comments and their edits and deletions, and the
 * closing message when it invites a rating. Never private comments, never the person who acted.
 *
 * <p>A CC who may no longer get ticket mail (restricted from the ticket, or now a deleted, spam or
 * anonymous contact) is withheld with the reason, so the history says why they were left out. So
 * is a CC held since mail from an unknown sender added it ({@link #HELD_UNTIL_AGENT_REPLY}).
 */
@Extension
public final class CcRecipients implements RecipientContributor {

  /** Withholding reason for a CC barred from the ticket. */
  public static final String CONTACT_RESTRICTED = "CONTACT_RESTRICTED";

  /**
   * Withholding reason for a CC that mail from an unknown sender added: every notification carries
   * the customer's words (at least the ticket's subject), so they get nothing until an agent has
   * replied (see {@link dev.deskcc.cc.settings.MailSenderPolicy}).
   */
  public static final String HELD_UNTIL_AGENT_REPLY = "HELD_UNTIL_AGENT_REPLY";

  @Override
  public List<RecipientDecision> recipients(Notification notification, PluginContext context) {
    TicketEvent cause = notification.cause();
    Ticket ticket = cause.ticket();
    // cheapest first: the kind of mail, then the one setting needed (not the whole settings record)
    if (!concernsCcs(notification) || !CcSettings.enabled(ticket.departmentId(), context)) {
      return List.of();
    }
    // the list the change's check decoded and left in the change store (decoded here without a check)
    TicketCcData data = CcStore.read(ticket.id(), context);
    if (data.entries().isEmpty()) {
      return List.of();
    }
    // A reply whose editor named its Cc goes to those addresses only: the host has them already,
    // and the CCs left out of it get nothing.
    boolean explicitReplyCc = cause instanceof AgentReplied replied && replied.cc().given();
    Set<String> hostRecipients = explicitReplyCc ? keys(notification) : Set.of();
    String actingContact = cause.actor().isContact() ? cause.actor().id() : null;

    // contract §6: with private CCs each CC's copy is their own, a reply's Cc naming them included
    RecipientLine line = CcMailSettings.of(ticket.departmentId(), context).isPrivate()
        ? RecipientLine.PRIVATE : RecipientLine.CC;
    List<RecipientDecision> decisions = new ArrayList<>(data.entries().size());
    Contacts contacts = context.contacts();
    for (CcEntry entry : data.entries()) {
      String contactId = entry.contactId();
      if (contactId.equals(actingContact)) {
        continue;
      }
      // the contact gives both the address to use and whether it may get mail: as the change read
      // it with the list (no second look-up), else looked up now
      Contact contact = entry.contact().or(() -> contacts.byId(contactId)).orElse(null);
      EmailAddress address = contact != null ? contact.email() : null;
      if (address == null) {
        // the host no longer has the contact or its address: there is nobody to mail (or to
        // name in a withholding)
        continue;
      }
      if (explicitReplyCc && !hostRecipients.contains(address.key())) {
        continue;
      }
      String reason = withholdReason(ticket, contactId, contact);
      if (reason == null && data.isHeld(contactId)) {
        reason = HELD_UNTIL_AGENT_REPLY;
      }
      if (reason != null) {
        decisions.add(new RecipientDecision.Withhold(address, reason));
      } else if (!explicitReplyCc || line == RecipientLine.PRIVATE) {
        decisions.add(new RecipientDecision.Add(address, line));
      }
    }
    return decisions;
  }

  private static Set<String> keys(Notification notification) {
    Set<String> keys = new HashSet<>();
    notification.to().forEach(a -> keys.add(a.key()));
    notification.cc().forEach(a -> keys.add(a.key()));
    return keys;
  }

  private static boolean concernsCcs(Notification notification) {
    TicketEvent cause = notification.cause();
    return switch (notification.event()) {
      case TICKET_CREATED, AGENT_REPLY -> true;
      case PUBLIC_COMMENT -> cause instanceof CommentAdded c && c.entry().isPublic();
      case COMMENT_EDITED -> cause instanceof CommentEdited c && c.entry().isPublic();
      case COMMENT_DELETED -> cause instanceof CommentDeleted c && c.entry().isPublic();
      case TICKET_CLOSED -> notification.ratingInvite();
    };
  }

  private static String withholdReason(Ticket ticket, String contactId, Contact contact) {
    if (ticket.restrictedContactIds().contains(contactId)) {
      return CONTACT_RESTRICTED;
    }
    AddressCode problem = AddressRules.contactProblem(contact);
    return problem == null ? null : problem.name();
  }
}
