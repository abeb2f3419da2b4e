package dev.deskcc.cc.access;

import dev.deskcc.api.access.AccessGrant;
import dev.deskcc.api.access.HelpCenterAccess;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.cc.settings.CcSettings;
import dev.deskcc.cc.store.CcStore;
import dev.deskcc.cc.store.TicketCcData;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Help-center access for CCs: a contact who is or ever was a CC of the ticket sees it as {@code
 * CC} while the department has the feature on. Removal from the CC list does not end access (only
 * a restriction does, which the host applies before asking); only current CCs may rate.
 *
 * <p>A held CC has no access at all (it cannot read, list, reply, comment or rate: the host
 * answers 404 as for any ticket one may not see) until an agent releases it: whoever put it on the
 * list may be a stranger, and the list alone must not open someone else's ticket to them.
 */
@Extension
public final class CcHelpCenterAccess implements HelpCenterAccess {

  /** The role shown in the contact's ticket list. */
  public static final String ROLE = "CC";

  @Override
  public Optional<AccessGrant> access(Ticket ticket, Contact contact, PluginContext context) {
    if (!CcSettings.of(ticket.departmentId(), context).enabled()) {
      return Optional.empty();
    }
    TicketCcData data = CcStore.read(ticket.id(), context);
    if (!data.wasEverCc(contact.id())) {
      return Optional.empty();
    }
    return Optional.of(new AccessGrant(ROLE, data.isCurrent(contact.id())));
  }
}
