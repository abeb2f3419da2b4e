package dev.deskcc.api.model;

import java.util.Objects;

/**
 * The organisation that runs the desk.
 *
 * @since 1.0
 */
public record Org(String name, Edition edition) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public Org {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(edition, "edition");
  }
}
