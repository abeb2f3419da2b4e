package dev.deskcc.api.notify;

import dev.deskcc.api.model.EmailAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A recipient the desk leaves out of a ticket's mail (contract §6). The host leaves such a person
 * out of every message whoever named them; a plugin sees this to show it (a CC's {@code muted} or
 * {@code bouncing}) or to explain it.
 *
 * @param address the address as the desk knows it
 * @param reason why; a bounce is reported over a mute
 * @param at when the person muted, or when the bounce was taken in
 * @since 1.3
 */
public record Suppression(EmailAddress address, SuppressionReason reason, Instant at) {
  /** Checks the components: none may be {@code null}. */
  public Suppression {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
