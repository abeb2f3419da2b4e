package dev.deskcc.api.model;

/** The organisation's product edition, in ascending order of what it includes. */
public enum Edition {
  STANDARD,
  PROFESSIONAL,
  ENTERPRISE;

  /** Whether this edition includes everything {@code minimum} does. */
  public boolean includes(Edition minimum) {
    return compareTo(minimum) >= 0;
  }
}
