package dev.deskcc.api.notify;

import dev.deskcc.api.model.EmailAddress;
import java.util.Optional;

/**
 * Read-only view of who gets no mail about a ticket (contract §6), as the calling change sees it:
 * what is committed plus the change's own writes. Valid only during the callback that gave it,
 * on that callback's thread.
 *
 * @since 1.3
 */
public interface Suppressions {

  /**
   * Whether the desk leaves {@code address} out of mail about the ticket, and why: bouncing (on any
   * ticket) or muted on this one. Never {@code null}; empty when the address may be mailed, for an
   * unknown ticket, and for an address that is no contact (only contacts mute).
   *
   * @param ticketId the ticket's id; not {@code null}
   * @param address compared by {@link EmailAddress#key()}; not {@code null}
   */
  Optional<Suppression> of(String ticketId, EmailAddress address);

  /** What a host without suppressions answers: nobody is suppressed. */
  Suppressions NONE = (ticketId, address) -> Optional.empty();
}
