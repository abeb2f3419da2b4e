package dev.deskcc.api.host;

import java.util.Objects;

/**
 * One of the desk's own addresses, and the department it belongs to.
 *
 * @since 1.0
 */
public record DeskAddress(DeskAddressKind kind, String departmentId) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public DeskAddress {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(departmentId, "departmentId");
  }
}
