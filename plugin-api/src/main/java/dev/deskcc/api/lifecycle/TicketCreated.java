package dev.deskcc.api.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Ticket;
import java.util.Map;

/**
 * A ticket was created by an agent or through the help center (mail creates tickets through
 * {@link MailReceived} with {@code newTicket}).
 *
 * @param fields the request's plugin-field values by field name, as the request gave them; only
 *     names of fields the department's tickets have (the host refuses others)
 * @since 1.0
 */
public record TicketCreated(Ticket ticket, Actor actor, Map<String, JsonNode> fields) implements TicketEvent {
  public TicketCreated {
    fields = Map.copyOf(fields);
  }
}
