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
import dev.deskcc.cc.store.AddedBy;
import dev.deskcc.cc.store.CcEntry;
import dev.deskcc.cc.store.CcSource;
import dev.deskcc.cc.store.CcStore;
import dev.deskcc.cc.store.TicketCcData;
import java.util.ArrayList;
import java.util.List;

/**
 * Auto-add of email recipients: best-effort, never refuses the mail, never removes anyone and
 * never touches the requester.
 */
final class MailRecipients {

  /** History event type for a recipient that did not join. */
  static final String CC_SKIPPED = "CC_SKIPPED";

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
    AddressRules rules =
        AddressRules.forTicket(context.contacts(), context.directory(), settings, ticket.requesterId());
    CcListRules.MailPlan plan = CcListRules.bestEffort(before.entries(), recipients, rules);
    for (CcListRules.Skipped skipped : plan.skipped()) {
      // The desk's own addresses are where the mail was sent, not people left out.
      if (skipped.code() != AddressCode.SUPPORT_ADDRESS && skipped.code() != AddressCode.FROM_ADDRESS) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("email", skipped.address().address());
        detail.put("code", skipped.code().name());
        context.history().record(ticket.id(), CC_SKIPPED, detail);
      }
    }
    if (plan.additions().isEmpty()) {
      return Verdict.accept();
    }
    List<CcEntry> added = CcEntries.materialise(plan.additions(), CcSource.EMAIL, AddedBy.of(event.actor()), context);
    CcStore.write(ticket.id(), before, before.withEntries(before.plus(added), ticket.version()), context);
    return Verdict.accept();
  }
}
