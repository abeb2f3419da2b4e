package dev.deskcc.example.replycounter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskcc.api.host.PluginContext;

/**
 * The count of agent replies on a ticket, kept in the plugin's data for the ticket as
 * {@code {"count": n}}. Data outlives the plugin: it is there again when the plugin comes back.
 */
final class ReplyCount {

  /** The field's name in ticket JSON and layouts. */
  static final String FIELD = "replyCount";

  /** The format of what this plugin stores; a later version would migrate from it. */
  private static final int SCHEMA = 1;

  private ReplyCount() {}

  static long of(String ticketId, PluginContext context) {
    return context.data().ticket(ticketId).map(d -> d.value().path("count").asLong()).orElse(0L);
  }

  /** Adds one; needs the writable context of a check, so it commits with the reply. */
  static long increment(String ticketId, PluginContext context) {
    long next = of(ticketId, context) + 1;
    context.data().putTicket(ticketId, SCHEMA, JsonNodeFactory.instance.objectNode().put("count", next));
    return next;
  }
}
