package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.sim.mail.ParsedMail;
import dev.deskcc.sim.store.StoreTx;
import java.util.Map;

/**
 * A world being built in one change, handed out by {@link Desk#replaceWorld}: the store
 * transaction for what has no operation of its own (organisation, departments, people, tokens),
 * and the desk's operations for the rest, which run as steps of that change, each as its own
 * caller, through the plugins' checks and recipients. Their answers read the change's state.
 *
 * <p>Valid only during the {@code replaceWorld} call that made it, on that thread.
 */
public final class WorldBuilder {
  private final Desk desk;
  private final StoreTx tx;

  WorldBuilder(Desk desk, StoreTx tx) {
    this.desk = desk;
    this.tx = tx;
  }

  /** The change's transaction: the world cleared, and what has been written since. */
  public StoreTx tx() {
    return tx;
  }

  /** As {@link Desk#putSettings}, in this change. */
  public ObjectNode putSettings(Caller caller, String departmentId, String pluginId, JsonNode body) {
    return desk.putSettings(caller, departmentId, pluginId, body);
  }

  /** As {@link Desk#createTicket}, in this change. */
  public TicketView createTicket(Caller caller, CreateTicketRequest request) {
    return desk.createTicket(caller, request);
  }

  /** As {@link Desk#reply}, in this change. */
  public EntryView reply(Caller caller, String ticketId, ReplyRequest request) {
    return desk.reply(caller, ticketId, request);
  }

  /** As {@link Desk#addComment}, in this change. */
  public EntryView addComment(Caller caller, String ticketId, CommentRequest request) {
    return desk.addComment(caller, ticketId, request);
  }

  /** As {@link Desk#inboundMail}, in this change. */
  public InboundResult inboundMail(Caller caller, ParsedMail mail) {
    return desk.inboundMail(caller, mail);
  }

  /**
   * Refuses field inputs that the department's tickets do not have, as a ticket request would:
   * 422 {@code UNKNOWN_FIELD}, one error per unknown name (so a loader can skip the fields of
   * plugins that are not loaded).
   */
  public void requireKnownFields(String departmentId, Map<String, JsonNode> inputs) {
    desk.requireKnownFields(tx, departmentId, inputs);
  }
}
