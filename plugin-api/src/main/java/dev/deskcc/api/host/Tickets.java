package dev.deskcc.api.host;

import dev.deskcc.api.model.Ticket;
import java.util.Optional;

/** Read access to tickets, as of the change being made. */
public interface Tickets {

  Optional<Ticket> byId(String ticketId);
}
