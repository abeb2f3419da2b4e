package dev.deskcc.api.lifecycle;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import java.util.Objects;

/**
 * A contact replied from the help center (replies by mail are {@link MailReceived}).
 *
 * @param cc addresses the contact asked to copy, as given
 * @since 1.0
 */
public record ContactReplied(Ticket ticket, Actor actor, ThreadEntry entry, RecipientInput cc)
    implements TicketEvent {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public ContactReplied {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(cc, "cc");
  }
}
