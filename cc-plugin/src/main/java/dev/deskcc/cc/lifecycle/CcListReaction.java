package dev.deskcc.cc.lifecycle;

import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.lifecycle.AgentReplied;
import dev.deskcc.api.lifecycle.CommentAdded;
import dev.deskcc.api.lifecycle.CommentDeleted;
import dev.deskcc.api.lifecycle.CommentEdited;
import dev.deskcc.api.lifecycle.ContactReplied;
import dev.deskcc.api.lifecycle.RatingSubmitted;
import dev.deskcc.api.lifecycle.TicketChangeReaction;
import dev.deskcc.api.lifecycle.TicketClosed;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.cc.store.CcEntry;
import dev.deskcc.cc.store.CcStore;
import dev.deskcc.cc.store.TicketCcData;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the CC list after each committed change that changed it, at DEBUG, for operators following
 * a ticket in the server log ({@code -Dorg.slf4j.simpleLogger.log.dev.deskcc.cc=debug} on the
 * simulator). DEBUG and not INFO: the line names people's addresses, which a default log should not
 * keep, and a line per change written to a shared stream serialises a loaded server. The check
 * marks its data with the version of the change that changed the list; a reaction to that same
 * version logs it.
 */
@Extension
public final class CcListReaction implements TicketChangeReaction {

  private static final Logger LOG = LoggerFactory.getLogger(CcListReaction.class);

  @Override
  public void react(TicketEvent event, PluginContext context) {
    // Comments, closing and ratings never change the list (the check leaves it alone for them):
    // no need to read the data.
    if (!LOG.isDebugEnabled() || event instanceof CommentAdded || event instanceof CommentEdited
        || event instanceof CommentDeleted || event instanceof TicketClosed || event instanceof RatingSubmitted) {
      return;
    }
    // Replies that name nobody new only release held CCs, which leaves the list as it was.
    if (event instanceof AgentReplied r && r.to().items().isEmpty() && r.cc().items().isEmpty()
        || event instanceof ContactReplied c && c.cc().items().isEmpty()) {
      return;
    }
    Ticket ticket = event.ticket();
    // the list as this change left it (decoded by its check already); its marker tells whether it changed
    TicketCcData data = CcStore.read(ticket.id(), context);
    long changedIn = data.listChangedInVersion();
    if (changedIn != 0 && changedIn == ticket.version()) {
      LOG.debug("ticket #{}: CC list now {}", ticket.number(), data.entries().stream().map(CcEntry::email).toList());
    }
  }
}
