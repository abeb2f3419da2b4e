package dev.deskcc.api.model;

import java.util.Objects;
import java.util.Set;

/**
 * A desk user who works tickets; {@code admin} agents also configure departments.
 *
 * @since 1.0
 */
public record Agent(String id, String name, EmailAddress email, boolean admin, Set<String> departmentIds) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public Agent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    name = SingleLine.of(name);
    Objects.requireNonNull(email, "email");
    departmentIds = Set.copyOf(departmentIds);
  }
}
