package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.HistoryView;
import dev.deskcc.sim.desk.TicketList;
import dev.deskcc.sim.desk.TicketView;
import dev.deskcc.sim.desk.internal.extension.Access;
import dev.deskcc.sim.store.StoreReader;
import java.util.ArrayList;
import java.util.List;

/** Reading tickets: the list a caller may see, one ticket, its audit log. */
public final class TicketReads {
  private final DeskParts parts;

  public TicketReads(DeskParts parts) {
    this.parts = parts;
  }

  public TicketList tickets(Caller caller) {
    return parts.lifecycle().answer(() -> list(caller));
  }

  private TicketList list(Caller caller) {
    StoreReader r = parts.lifecycle().reader();
    Views.TicketRenderer renderer = parts.views().renderer(r);
    List<TicketView> out = new ArrayList<>();
    if (caller.isContact()) {
      Contact me = Access.me(r, caller);
      for (Ticket t : r.tickets()) {
        parts.helpCenter().access(r, t, me).ifPresent(g -> out.add(renderer.render(t, true, g.role(), caller.actor())));
      }
    } else {
      Agent agent = Access.agent(r, caller);
      for (Ticket t : r.tickets()) {
        if (Access.mayWork(agent, t.departmentId())) {
          out.add(renderer.render(t, false, null));
        }
      }
    }
    return new TicketList(out);
  }

  public TicketView ticket(Caller caller, String ticketId) {
    return parts.lifecycle().answer(() -> {
      StoreReader r = parts.lifecycle().reader();
      Access.Seen seen = parts.access().see(r, caller, ticketId);
      return parts.views().renderer(r).render(seen.ticket(), caller.isContact(), seen.role(), caller.actor());
    });
  }

  public HistoryView history(Caller caller, String ticketId) {
    parts.access().requireAgentOrHide(caller, ticketId);
    StoreReader r = parts.lifecycle().reader();
    Ticket t = parts.access().see(r, caller, ticketId).ticket();
    return new HistoryView(r.history(t.id()).stream().map(e -> Views.history(r, e)).toList());
  }
}
