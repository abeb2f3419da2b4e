package dev.deskcc.api.model;

/**
 * The organisation's product edition, in ascending order of what it includes.
 *
 * @since 1.0
 */
public enum Edition {
  /** The entry edition. */
  STANDARD,
  /** Includes everything STANDARD does, and more. */
  PROFESSIONAL,
  /** Includes everything. */
  ENTERPRISE;

  /**
   * Whether this edition includes everything {@code minimum} does.
   *
   * @since 1.0
   */
  public boolean includes(Edition minimum) {
    return compareTo(minimum) >= 0;
  }
}
