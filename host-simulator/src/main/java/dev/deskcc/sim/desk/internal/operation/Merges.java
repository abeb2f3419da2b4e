package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.api.lifecycle.TicketsMerged;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.MergeRequest;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.desk.TicketView;
import dev.deskcc.sim.desk.internal.change.Change;
import dev.deskcc.sim.desk.internal.change.Details;
import dev.deskcc.sim.desk.internal.change.TicketChanges;
import dev.deskcc.sim.store.StoreTx;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Merging tickets: the sources' threads and message ids move to the target, the sources become
 * {@code MERGED}; a dry run answers the same and changes nothing (the merge preview).
 */
public final class Merges {
  /**
   * The target's history event of a merge; its detail {@code names} the sources (read again by the
   * contact's view, which hides the sources' private recipients too).
   */
  static final String MERGED = "MERGED";

  private final DeskParts parts;

  public Merges(DeskParts parts) {
    this.parts = parts;
  }

  public TicketView merge(Caller caller, String targetId, MergeRequest request, boolean dryRun) {
    parts.access().requireAgentOrHide(caller, targetId);
    if (request == null || request.sourceIds().isEmpty()) {
      throw DeskException.badRequest("sourceIds must name at least one ticket");
    }
    Function<Change, TicketView> body = change -> {
      StoreTx tx = change.tx();
      // every ticket of the merge, in the one global order, before any is read: two merges of the
      // same tickets in opposite directions wait for each other instead of deadlocking
      List<String> all = new ArrayList<>(request.sourceIds());
      all.add(targetId);
      tx.lockTickets(all.stream().filter(java.util.Objects::nonNull).toList());
      Ticket target = parts.access().see(tx, caller, targetId).ticket();
      TicketChanges.requireNotMerged(target);
      List<Ticket> sources = new ArrayList<>();
      Set<String> ids = new LinkedHashSet<>();
      for (String id : request.sourceIds()) {
        if (id == null || id.equals(targetId) || !ids.add(id)) {
          throw new DeskException(ProblemCode.INVALID_MERGE_SOURCE, "a ticket cannot be merged into itself or twice: " + id);
        }
        Ticket s = parts.access().see(tx, caller, id).ticket();
        TicketChanges.requireNotMerged(s);
        sources.add(s);
      }
      List<ThreadEntry> thread = new ArrayList<>(target.thread());
      for (Ticket s : sources) {
        thread.addAll(s.thread());
        tx.putTicket(TicketEdits.copy(s, s.thread(), TicketStatus.MERGED, target.id(), s.restrictedContactIds()));
        parts.changes().history(change, s.id(), "MERGED_INTO", Details.obj("targetId", target.id()));
        for (String messageId : tx.messageIds(s.id())) {
          tx.addMessageId(target.id(), messageId);
        }
      }
      Ticket merged = TicketEdits.copy(target, thread, target.status(), null, target.restrictedContactIds());
      tx.putTicket(merged);
      parts.changes().history(change, target.id(), MERGED, Details.namesDetail(ids));
      parts.changes().process(change, new TicketsMerged(merged, change.actor(), sources, request.choices()));
      return parts.views().renderer(tx).render(tx.ticket(target.id()).orElseThrow(), false, null);
    };
    return dryRun ? parts.lifecycle().dryRun(caller.actor(), body) : parts.lifecycle().run(caller.actor(), body);
  }
}
