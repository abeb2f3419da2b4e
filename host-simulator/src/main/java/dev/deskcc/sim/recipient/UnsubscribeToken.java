package dev.deskcc.sim.recipient;

import java.util.Objects;

/** Whom a valid unsubscribe token stands for: one person on one ticket, in one world. */
public record UnsubscribeToken(String ticketId, String contactId) {
  public UnsubscribeToken {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(contactId, "contactId");
  }
}
