package dev.deskcc.api.lifecycle;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import java.util.Objects;

/**
 * A comment was deleted; {@code entry} is the comment as it was before deletion.
 *
 * @since 1.0
 */
public record CommentDeleted(Ticket ticket, Actor actor, ThreadEntry entry) implements TicketEvent {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public CommentDeleted {
    Objects.requireNonNull(entry, "entry");
  }
}
