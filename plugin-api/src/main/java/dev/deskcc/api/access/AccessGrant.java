package dev.deskcc.api.access;

import java.util.Objects;

/**
 * A plugin's grant of help-center access to a ticket.
 *
 * @param role how the contact relates to the ticket, shown in their ticket list (UPPER_SNAKE,
 *     for example {@code CC}); the host's own role is {@code REQUESTER}
 * @param mayRate whether the contact may rate the ticket when the department's rating mode opens
 *     it
 * @since 1.0
 */
public record AccessGrant(String role, boolean mayRate) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public AccessGrant {
    Objects.requireNonNull(role, "role");
  }
}
