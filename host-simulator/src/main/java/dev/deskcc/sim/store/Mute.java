package dev.deskcc.sim.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who asked for no more mail about one ticket (contract §6): kept until they unmute.
 *
 * @param at when they muted
 */
public record Mute(String ticketId, String contactId, Instant at) {
  public Mute {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(at, "at");
  }
}
