package dev.deskcc.api.lifecycle;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Ticket;

/**
 * A change to a ticket. {@link #ticket()} is the ticket as the change leaves it (in a check
 * phase: not yet committed), {@link #actor()} who made it.
 *
 * @since 1.0
 */
public sealed interface TicketEvent
    permits TicketCreated,
        FieldsUpdated,
        AgentReplied,
        ContactReplied,
        CommentAdded,
        CommentEdited,
        CommentDeleted,
        MailReceived,
        TicketsMerged,
        TicketClosed,
        RatingSubmitted {

  /**
   * The ticket as the change leaves it (for a merge, the target). Never {@code null}.
   *
   * @since 1.0
   */
  Ticket ticket();

  /**
   * Who made the change. Never {@code null}.
   *
   * @since 1.0
   */
  Actor actor();
}
