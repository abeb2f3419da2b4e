package dev.deskcc.api.lifecycle;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Rating;
import dev.deskcc.api.model.Ticket;
import java.util.Objects;

/**
 * A contact rated the ticket.
 *
 * @since 1.0
 */
public record RatingSubmitted(Ticket ticket, Actor actor, Rating rating) implements TicketEvent {
  public RatingSubmitted {
    Objects.requireNonNull(rating, "rating");
  }
}
