package dev.deskcc.api.lifecycle;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import java.util.Objects;

/**
 * A comment was edited; {@code entry} holds the new content.
 *
 * @since 1.0
 */
public record CommentEdited(Ticket ticket, Actor actor, ThreadEntry entry, String previousContent)
    implements TicketEvent {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public CommentEdited {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(previousContent, "previousContent");
  }
}
