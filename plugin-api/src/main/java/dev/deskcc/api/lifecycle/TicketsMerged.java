package dev.deskcc.api.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Ticket;
import java.util.List;
import java.util.Map;

/**
 * An agent merged {@code sources} into {@code ticket} (the target). A plugin carries its own data
 * over in its check, as the agent's choices ask; see {@link
 * dev.deskcc.api.field.FieldDefinition#mergeChoice()}.
 *
 * @param sources the merged tickets as they were before the merge
 * @param choices the merge request's other members (for example {@code "ccFrom"}), as given
 * @since 1.0
 */
public record TicketsMerged(Ticket ticket, Actor actor, List<Ticket> sources, Map<String, JsonNode> choices)
    implements TicketEvent {
  public TicketsMerged {
    sources = List.copyOf(sources);
    choices = Map.copyOf(choices);
  }
}
