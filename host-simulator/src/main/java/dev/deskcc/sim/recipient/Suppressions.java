package dev.deskcc.sim.recipient;

import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.sim.store.Bounce;
import dev.deskcc.sim.store.StoreReader;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the desk may mail an address about a ticket (contract §6): not when the address bounces
 * (on any ticket) nor when its contact muted that ticket. A bounce wins over a mute: it is the
 * reason that outlasts an unmute.
 */
public final class Suppressions {
  private Suppressions() {}

  /** Why {@code address} gets no mail about the ticket; empty when it may be mailed. */
  public static Optional<Suppressed> of(StoreReader reader, String ticketId, EmailAddress address) {
    Optional<Bounce> bounce = reader.bounce(address);
    if (bounce.isPresent()) {
      return Optional.of(new Suppressed(address.address(), Reason.BOUNCED, bounce.get().at()));
    }
    return reader.contactByAddress(address).map(Contact::id).flatMap(id -> reader.mute(ticketId, id))
        .map(m -> new Suppressed(address.address(), Reason.MUTED, m.at()));
  }

  /** Why a person gets no mail; the names are the contract's codes. */
  public enum Reason {
    MUTED,
    BOUNCED
  }

  /** One suppressed recipient as agents see it on a ticket ({@code suppressed}). */
  public record Suppressed(String email, Reason reason, Instant at) {}
}
