package dev.deskcc.api.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An end user known to the desk.
 *
 * @param email may be {@code null} only for an anonymous contact
 * @param name may be {@code null}; a single line ({@link SingleLine})
 * @since 1.0
 */
public record Contact(String id, EmailAddress email, String name, ContactStatus status, boolean anonymous) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public Contact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    name = SingleLine.of(name);
  }

  /**
   * The address, absent for an anonymous contact without one.
   *
   * @since 1.0
   */
  public Optional<EmailAddress> address() {
    return Optional.ofNullable(email);
  }
}
