package dev.deskcc.api.lifecycle;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import java.util.Objects;

/**
 * A comment, public or private ({@link ThreadEntry#isPublic()}), was added.
 *
 * @since 1.0
 */
public record CommentAdded(Ticket ticket, Actor actor, ThreadEntry entry) implements TicketEvent {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public CommentAdded {
    Objects.requireNonNull(entry, "entry");
  }
}
