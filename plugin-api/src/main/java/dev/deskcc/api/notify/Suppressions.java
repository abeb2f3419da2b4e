package dev.deskcc.api.notify;

import dev.deskcc.api.model.EmailAddress;
import java.util.List;
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
   * Every reason the desk leaves {@code address} out of mail about the ticket: bouncing (on any
   * ticket) first, then muted on this one, each with its time. Never {@code null}; empty when the
   * address may be mailed, for an unknown ticket, and for an address that is no contact (only
   * contacts mute). A person can be both: a bounce cleared later leaves the mute in force.
   *
   * @param ticketId the ticket's id; not {@code null}
   * @param address compared by {@link EmailAddress#key()}; not {@code null}
   * @since 1.3
   */
  List<Suppression> all(String ticketId, EmailAddress address);

  /**
   * The reason that stops mail to {@code address} now, the first of {@link #all}: a bounce over a
   * mute. Empty when the address may be mailed.
   *
   * @since 1.3
   */
  default Optional<Suppression> of(String ticketId, EmailAddress address) {
    return all(ticketId, address).stream().findFirst();
  }

  /** What a host without suppressions answers: nobody is suppressed. */
  Suppressions NONE = (ticketId, address) -> List.of();
}
