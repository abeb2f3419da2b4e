package dev.deskcc.api.lifecycle;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import java.util.Objects;

/**
 * A message arrived by mail and was threaded into {@code ticket} (or created it).
 *
 * @param actor the sender as a contact
 * @param newTicket whether the message created the ticket
 * @since 1.0
 */
public record MailReceived(Ticket ticket, Actor actor, ThreadEntry entry, InboundMail mail, boolean newTicket)
    implements TicketEvent {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public MailReceived {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(mail, "mail");
  }
}
