package dev.deskcc.cc.lifecycle;

import dev.deskcc.cc.added.AddedNotice;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Auto-add of email recipients: best-effort, never refuses the mail, never removes anyone and
 * never touches the requester. Only a participant's mail adds anyone: the ticket's requester, one
 * of its current CCs that is not held, or an agent of its department. Anyone else's mail (a former
 * CC's, a held CC's, a stranger's that reached the ticket by a reference) threads but adds nobody:
 * every address is skipped with {@value #SENDER_NOT_PARTICIPANT}. An address that is not valid
 * (the host carries it as written, {@link InboundMail#invalidRecipients()}) is skipped like any
 * other, at its place in header order: {@code INVALID_ADDRESS} from a participant, {@value
 * #SENDER_NOT_PARTICIPANT} from anyone else. CCs added by mail from an
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
    List<Recipient> inHeaderOrder = inHeaderOrder(mail);
    inHeaderOrder.removeIf(r -> r.valid() != null && r.valid().equals(mail.from()));
    if (inHeaderOrder.isEmpty()) {
      return Verdict.accept();
    }
    List<EmailAddress> recipients = new ArrayList<>();
    inHeaderOrder.stream().filter(r -> r.valid() != null).forEach(r -> recipients.add(r.valid()));
    Ticket ticket = event.ticket();
    TicketCcData before = CcStore.read(ticket.id(), context);
    SkippedRecipients skipped = new SkippedRecipients(ticket.id(), context);
    // A repeat is dropped silently, an invalid one too (compared as written, ignoring case).
    Set<String> reported = new HashSet<>();
    if (!senderMayAdd(event, before, context)) {
      // The sender's lack of standing is the reason for every address, invalid ones included.
      for (Recipient r : inHeaderOrder) {
        if (reported.add(r.key()) && (r.valid() == null || context.directory().deskAddress(r.valid()).isEmpty())) {
          skipped.skip(r.asWritten(), SENDER_NOT_PARTICIPANT);
        }
      }
      skipped.finish();
      return Verdict.accept();
    }
    AddressRules rules =
        AddressRules.forTicket(context.contacts(), context.directory(), settings, ticket.requesterId())
            .withRemovedByAgent(before.removedByAgent());
    CcListRules.MailPlan plan = CcListRules.bestEffort(before.entries(), recipients, rules);
    // The plan skips each valid address at most once; put its skips back among the invalid ones.
    Map<String, CcListRules.Skipped> skipsByKey = new HashMap<>();
    plan.skipped().forEach(skip -> skipsByKey.putIfAbsent(skip.address().key(), skip));
    for (Recipient r : inHeaderOrder) {
      if (r.valid() == null) {
        if (reported.add(r.key())) {
          skipped.skip(r.asWritten(), AddressCode.INVALID_ADDRESS.name());
        }
        continue;
      }
      CcListRules.Skipped skip = skipsByKey.remove(r.valid().key());
      // The desk's own addresses are where the mail was sent, not people left out.
      if (skip != null && skip.code() != AddressCode.SUPPORT_ADDRESS && skip.code() != AddressCode.FROM_ADDRESS) {
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
    AddedNotice.tell(event, ticket, before, after, context);
    return Verdict.accept();
  }

  /** One To or Cc address of the mail: {@code valid}, or else only as written. */
  private record Recipient(EmailAddress valid, String asWritten) {
    /** The identity repeats are recognised by. */
    String key() {
      return valid != null ? "valid:" + valid.key() : "invalid:" + asWritten.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The mail's To and then Cc addresses in header order, the invalid ones (host 1.2) at their
   * positions: the contract records skips in header order, whatever their reason.
   */
  private static List<Recipient> inHeaderOrder(InboundMail mail) {
    List<Recipient> result = new ArrayList<>();
    Iterator<EmailAddress> valid = Stream.concat(mail.to().stream(), mail.cc().stream()).iterator();
    Iterator<InboundMail.InvalidRecipient> invalid = mail.invalidRecipients().iterator();
    InboundMail.InvalidRecipient next = invalid.hasNext() ? invalid.next() : null;
    while (valid.hasNext() || next != null) {
      if (next != null && (next.position() == result.size() || !valid.hasNext())) {
        result.add(new Recipient(null, next.address()));
        next = invalid.hasNext() ? invalid.next() : null;
      } else {
        EmailAddress a = valid.next();
        result.add(new Recipient(a, a.address()));
      }
    }
    return result;
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
