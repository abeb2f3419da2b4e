package dev.deskcc.cc.access;

import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.participant.TicketParticipants;
import dev.deskcc.cc.settings.CcSettings;
import dev.deskcc.cc.store.CcEntry;
import dev.deskcc.cc.store.CcStore;
import dev.deskcc.cc.store.TicketCcData;
import java.util.LinkedHashSet;
import java.util.Set;
import org.pf4j.Extension;

/**
 * A ticket's current and former CCs take part in it: their mail that names the ticket by {@code
 * [#number]} threads into it. A held CC counts too, so its text is never lost (it threads), though
 * its mail adds nobody ({@code MailRecipients}) and it has no help-center access until released.
 * Where the department has the feature off, CCs are nobody's participants.
 */
@Extension
public final class CcParticipants implements TicketParticipants {

  @Override
  public boolean participates(Ticket ticket, Contact contact, PluginContext context) {
    if (!CcSettings.enabled(ticket.departmentId(), context)) {
      return false;
    }
    TicketCcData data = CcStore.read(ticket.id(), context);
    return data.isCurrent(contact.id()) || data.wasEverCc(contact.id());
  }

  /** The current CCs (held ones too: they are on the list the agent looks at). */
  @Override
  public Set<EmailAddress> mailedAbout(Ticket ticket, PluginContext context) {
    if (!CcSettings.enabled(ticket.departmentId(), context)) {
      return Set.of();
    }
    Set<EmailAddress> out = new LinkedHashSet<>();
    for (CcEntry e : CcStore.read(ticket.id(), context).entries()) {
      if (e.address() != null) {
        out.add(e.address());
      }
    }
    return out;
  }
}
