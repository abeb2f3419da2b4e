package dev.deskcc.junit;

import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.CreateTicketRequest;
import dev.deskcc.sim.desk.EntryView;
import dev.deskcc.sim.desk.ReplyRequest;
import dev.deskcc.sim.desk.TicketList;
import dev.deskcc.sim.desk.TicketView;
import java.util.Map;

/**
 * What a help-center contact does in a {@link DeskSim}. A refusal throws the host's {@code
 * DeskException} with its code (a ticket they may not see: {@code NOT_FOUND}).
 *
 * @since 1.2
 */
public final class ContactActions {
  private final DeskSim sim;
  private final Caller caller;

  ContactActions(DeskSim sim, Caller caller) {
    this.sim = sim;
    this.caller = caller;
  }

  /** Who this is, as the host sees them. */
  public Caller caller() {
    return caller;
  }

  /** Submits a ticket in the help center of the fixture's department. */
  public TicketView submitTicket(String departmentKey, String subject, String description) {
    return sim.desk().createTicket(caller,
        new CreateTicketRequest(sim.id(departmentKey), subject, description, null, Map.of()));
  }

  /** A reply from the help center. */
  public EntryView reply(String ticketId, String content) {
    return sim.desk().reply(caller, ticketId, new ReplyRequest(content, null, null));
  }

  /** The ticket as this contact sees it. */
  public TicketView ticket(String ticketId) {
    return sim.desk().ticket(caller, ticketId);
  }

  /** The tickets this contact sees in the help center. */
  public TicketList tickets() {
    return sim.desk().tickets(caller);
  }
}
