package dev.deskcc.api.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Ticket;
import java.util.Map;

/**
 * An agent set plugin-field values in ticket details. Each value replaces the field's whole
 * value.
 *
 * @param fields the new values by field name, as the request gave them
 * @since 1.0
 */
public record FieldsUpdated(Ticket ticket, Actor actor, Map<String, JsonNode> fields) implements TicketEvent {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public FieldsUpdated {
    fields = Map.copyOf(fields);
  }
}
