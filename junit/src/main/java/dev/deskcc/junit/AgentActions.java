package dev.deskcc.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.CommentRequest;
import dev.deskcc.sim.desk.CreateTicketRequest;
import dev.deskcc.sim.desk.EntryView;
import dev.deskcc.sim.desk.LayoutView;
import dev.deskcc.sim.desk.PatchTicketRequest;
import dev.deskcc.sim.desk.ReplyRequest;
import dev.deskcc.sim.desk.RequesterInput;
import dev.deskcc.sim.desk.TicketView;
import java.util.Map;

/**
 * What an agent (or admin) does in a {@link DeskSim}, as the agent screens would. Each call is one
 * request of the contract; a refusal throws the host's {@code DeskException} with its code.
 *
 * @since 1.2
 */
public final class AgentActions {
  private final DeskSim sim;
  private final Caller caller;

  AgentActions(DeskSim sim, Caller caller) {
    this.sim = sim;
    this.caller = caller;
  }

  /** Who this is, as the host sees them. */
  public Caller caller() {
    return caller;
  }

  /** Opens a ticket for a requester (made a contact when unknown) in the fixture's department. */
  public TicketView createTicket(String departmentKey, String subject, String description, String requesterEmail) {
    return createTicket(departmentKey, subject, description, requesterEmail, Map.of());
  }

  /** As {@link #createTicket(String, String, String, String)}, with plugin field values. */
  public TicketView createTicket(String departmentKey, String subject, String description, String requesterEmail,
      Map<String, JsonNode> fields) {
    return sim.desk().createTicket(caller, new CreateTicketRequest(
        sim.id(departmentKey), subject, description, new RequesterInput(requesterEmail, null), fields));
  }

  /** A reply to the requester and the ticket's usual recipients. */
  public EntryView reply(String ticketId, String content) {
    return sim.desk().reply(caller, ticketId, new ReplyRequest(content, null, null));
  }

  /** A public or private comment. */
  public EntryView comment(String ticketId, String content, boolean isPublic) {
    return sim.desk().addComment(caller, ticketId, new CommentRequest(content, isPublic));
  }

  /** The ticket as this agent sees it, plugin fields included. */
  public TicketView ticket(String ticketId) {
    return sim.desk().ticket(caller, ticketId);
  }

  /** Sets some field values of a ticket (the ticket-details screen); the answer is the ticket as it now is. */
  public TicketView setFields(String ticketId, Map<String, JsonNode> fields) {
    return sim.desk().patchTicket(caller, ticketId, new PatchTicketRequest(fields, null), null);
  }

  /** The ticket layout of the fixture's department (host fields and the plugins' fields). */
  public LayoutView layout(String departmentKey) {
    return sim.desk().layout(caller, sim.id(departmentKey));
  }

  /** A plugin's settings for the fixture's department. */
  public ObjectNode settings(String departmentKey, String pluginId) {
    return sim.desk().settings(caller, sim.id(departmentKey), pluginId);
  }

  /** Writes some of a plugin's settings (admin); the answer is the settings as they now are. */
  public ObjectNode putSettings(String departmentKey, String pluginId, JsonNode values) {
    return sim.desk().putSettings(caller, sim.id(departmentKey), pluginId, values);
  }
}
