package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** New versions of a ticket: every edit is a copy with the version bumped. */
final class TicketEdits {
  private TicketEdits() {}

  static Ticket copy(Ticket t, List<ThreadEntry> thread, TicketStatus status, String mergedInto,
      Set<String> restricted) {
    return new Ticket(t.id(), t.number(), t.departmentId(), t.subject(), status, t.channel(), t.requesterId(), thread,
        t.version() + 1, mergedInto, restricted, t.createdAt());
  }

  /** Replaces an entry; {@code bump} when this is the change's first write of the ticket. */
  static Ticket replaceEntry(Ticket t, ThreadEntry entry, boolean bump) {
    List<ThreadEntry> thread = t.thread().stream().map(e -> e.id().equals(entry.id()) ? entry : e).toList();
    Ticket copy = copy(t, thread, t.status(), t.mergedInto(), t.restrictedContactIds());
    return bump ? copy : new Ticket(copy.id(), copy.number(), copy.departmentId(), copy.subject(), copy.status(),
        copy.channel(), copy.requesterId(), copy.thread(), t.version(), copy.mergedInto(),
        copy.restrictedContactIds(), copy.createdAt());
  }

  static List<ThreadEntry> append(List<ThreadEntry> thread, ThreadEntry entry) {
    List<ThreadEntry> out = new ArrayList<>(thread);
    out.add(entry);
    return out;
  }
}
