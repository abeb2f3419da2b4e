package dev.deskcc.cc.lifecycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.lifecycle.InboundMail;
import dev.deskcc.api.lifecycle.MailReceived;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.cc.address.AddressCode;
import dev.deskcc.cc.address.AddressRules;
import dev.deskcc.cc.address.CcListRules;
import dev.deskcc.cc.settings.CcSettings;
import dev.deskcc.cc.settings.MailSenderPolicy;
import dev.deskcc.cc.store.AddedBy;
import dev.deskcc.cc.store.CcEntry;
import dev.deskcc.cc.store.CcSource;
import dev.deskcc.cc.store.CcStore;
import dev.deskcc.cc.store.TicketCcData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Auto-add of email recipients: best-effort, never refuses the mail, never removes anyone and
 * never touches the requester. Only a participant's mail adds anyone: the ticket's requester, one
 * of its current CCs that is not held, or an agent of its department. Anyone else's mail (a former
 * CC's, a held CC's, a stranger's that reached the ticket by a reference) threads but adds nobody:
 * every address is skipped with {@value #SENDER_NOT_PARTICIPANT}. CCs added by mail from an
 * unknown sender are held (see {@link MailSenderPolicy}) so that the desk does not relay a
 * stranger's text to the people they copied.
 */
final class MailRecipients {

  /** History event type for a CC that joined but is held until an agent replies. */
  static final String CC_HELD = "CC_HELD";

  /** The reason recorded with {@link #CC_HELD}. */
  static final String UNKNOWN_SENDER = "UNKNOWN_SENDER";

  /** {@code CC_SKIPPED} code of every address of mail whose sender may not add anyone. */
  static final String SENDER_NOT_PARTICIPANT = "SENDER_NOT_PARTICIPANT";

  private MailRecipients() {}

  static Verdict addFrom(MailReceived event, CcSettings settings, PluginContext context) {
    InboundMail mail = event.mail();
    // Automatic mail and mail that reached the desk only by Bcc add nobody.
    if (!settings.autoAddRecipients() || !mail.addressedToDesk() || mail.automated()) {
      return Verdict.accept();
    }
    List<EmailAddress> recipients = new ArrayList<>(mail.to());
    recipients.addAll(mail.cc());
    recipients.removeIf(a -> a.equals(mail.from()));
    if (recipients.isEmpty()) {
      return Verdict.accept();
    }
    Ticket ticket = event.ticket();
    TicketCcData before = CcStore.read(ticket.id(), context);
    SkippedRecipients skipped = new SkippedRecipients(ticket.id(), context);
    if (!senderMayAdd(event, before, context)) {
      for (EmailAddress a : new LinkedHashSet<>(recipients)) {
        if (context.directory().deskAddress(a).isEmpty()) {
          skipped.skip(a.address(), SENDER_NOT_PARTICIPANT);
        }
      }
      skipped.finish();
      return Verdict.accept();
    }
    AddressRules rules =
        AddressRules.forTicket(context.contacts(), context.directory(), settings, ticket.requesterId())
            .withRemovedByAgent(before.removedByAgent());
    CcListRules.MailPlan plan = CcListRules.bestEffort(before.entries(), recipients, rules);
    for (CcListRules.Skipped skip : plan.skipped()) {
      // The desk's own addresses are where the mail was sent, not people left out.
      if (skip.code() != AddressCode.SUPPORT_ADDRESS && skip.code() != AddressCode.FROM_ADDRESS) {
        skipped.skip(skip.address().address(), skip.code().name());
      }
    }
    skipped.finish();
    if (plan.additions().isEmpty()) {
      return Verdict.accept();
    }
    List<CcEntry> added = CcEntries.materialise(plan.additions(), CcSource.EMAIL, AddedBy.of(event.actor()), context);
    TicketCcData after = before.withEntries(before.plus(added), ticket.version());
    if (settings.mailFromUnknownSenders() == MailSenderPolicy.HOLD_CCS && !knownSender(event, before, context)) {
      after = after.holding(added.stream().map(CcEntry::contactId).toList());
      for (CcEntry entry : added) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("email", entry.email());
        detail.put("reason", UNKNOWN_SENDER);
        detail.put("until", "AGENT_REPLY");
        context.history().record(ticket.id(), CC_HELD, detail);
      }
    }
    CcStore.write(ticket.id(), before, after, context);
    return Verdict.accept();
  }

  /**
   * Whether the sender's mail may add CCs: the ticket's requester, a current CC that is not held,
   * or an agent of the ticket's department (admins work in every department). A former CC may
   * still write to the ticket, but no longer decides who joins it.
   */
  static boolean senderMayAdd(MailReceived event, TicketCcData before, PluginContext context) {
    Ticket ticket = event.ticket();
    if (event.actor().isContact()) {
      String sender = event.actor().id();
      if (sender.equals(ticket.requesterId()) || (before.isCurrent(sender) && !before.isHeld(sender))) {
        return true;
      }
    }
    return isAgentOfDepartment(event, context);
  }

  private static boolean isAgentOfDepartment(MailReceived event, PluginContext context) {
    String departmentId = event.ticket().departmentId();
    return context.directory().agentByAddress(event.mail().from())
        .filter(agent -> agent.admin() || agent.departmentIds().contains(departmentId))
        .isPresent();
  }

  /**
   * Whether the desk's agents have already answered this sender on this ticket: the ticket existed
   * before the mail and has an agent reply, and the sender is its requester or a CC who is not held;
   * or the sender is an agent of its department. Having written to the desk before is not enough:
   * anyone can do that.
   */
  static boolean knownSender(MailReceived event, TicketCcData before, PluginContext context) {
    Ticket ticket = event.ticket();
    if (isAgentOfDepartment(event, context)) {
      return true;
    }
    if (event.newTicket() || !ticket.hasAgentReply() || !event.actor().isContact()) {
      return false;
    }
    String sender = event.actor().id();
    return sender.equals(ticket.requesterId()) || (before.isCurrent(sender) && !before.isHeld(sender));
  }
}
