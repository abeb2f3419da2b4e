package dev.deskcc.api.model;

import java.util.List;
import java.util.Objects;

/**
 * A department of the desk.
 *
 * @param supportAddresses addresses customers write to; mail to them (or plus-tagged forms of
 *     them) is routed to this department
 * @param fromAddresses addresses the desk sends from
 * @since 1.0
 */
public record Department(
    String id,
    String name,
    boolean helpCenter,
    List<EmailAddress> supportAddresses,
    List<EmailAddress> fromAddresses,
    RatingMode ratingMode) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public Department {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    supportAddresses = List.copyOf(supportAddresses);
    fromAddresses = List.copyOf(fromAddresses);
    Objects.requireNonNull(ratingMode, "ratingMode");
  }
}
