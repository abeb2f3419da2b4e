package dev.deskcc.api.host;

import dev.deskcc.api.model.Ticket;
import java.util.Optional;

/**
 * Read access to tickets, as of the change being made.
 *
 * @since 1.0
 */
public interface Tickets {

  /**
   * The ticket as the change being made sees it (committed state outside a change); empty if there is none.
   *
   * @since 1.0
   */
  Optional<Ticket> byId(String ticketId);
}
