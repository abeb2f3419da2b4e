package dev.deskcc.sim.store;

import dev.deskcc.sim.mail.OutgoingMail;
import java.util.Objects;

/**
 * A queued message and its delivery state.
 *
 * @param lastError the last delivery failure, {@code null} while none
 */
public record OutboxEntry(OutgoingMail mail, DeliveryState state, int attempts, String lastError) {
  public OutboxEntry {
    Objects.requireNonNull(mail, "mail");
    Objects.requireNonNull(state, "state");
  }

  public long seq() {
    return mail.seq();
  }
}
