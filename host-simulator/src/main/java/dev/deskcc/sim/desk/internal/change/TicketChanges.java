package dev.deskcc.sim.desk.internal.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.store.HistoryEvent;

/** The steps every ticket change shares: the audit-log entry, and the check-then-notify of its event. */
public final class TicketChanges {
  private final Lifecycle lifecycle;
  private final Notifier notifier;

  public TicketChanges(Lifecycle lifecycle, Notifier notifier) {
    this.lifecycle = lifecycle;
    this.notifier = notifier;
  }

  /** Checks the event (every started plugin), then sends its messages. */
  public void process(Change change, TicketEvent event) {
    lifecycle.check(change, event);
    notifier.send(change, event);
  }

  public void history(Change change, String ticketId, String type, JsonNode detail) {
    change.tx().addHistory(ticketId, new HistoryEvent(change.now(), change.actor(), type, detail));
  }

  /** Records a status change in the audit log when there is one. */
  public void statusChange(Change change, Ticket before, TicketStatus after) {
    if (after != before.status()) {
      history(change, before.id(), "STATUS_CHANGED", Details.obj("from", before.status().name(), "to", after.name()));
    }
  }

  public static void requireNotMerged(Ticket t) {
    if (t.status() == TicketStatus.MERGED) {
      throw new DeskException(ProblemCode.TICKET_MERGED, "ticket " + t.id() + " was merged into " + t.mergedInto());
    }
  }
}
