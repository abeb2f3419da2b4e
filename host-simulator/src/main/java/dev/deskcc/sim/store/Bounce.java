package dev.deskcc.sim.store;

import dev.deskcc.api.model.EmailAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * An address whose mail bounced (contract §6): sent nothing more, on any ticket, until an agent
 * clears it. Keyed by the address's normalised form ({@link EmailAddress#key()}).
 *
 * @param address the bare address, as the bounced message named it
 * @param ticketId the ticket whose message bounced
 * @param at when the bounce was taken in
 */
public record Bounce(String address, String ticketId, Instant at) {
  public Bounce {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(at, "at");
  }

  /** The key the store files it under. */
  public String key() {
    return new EmailAddress(address, null).key();
  }
}
