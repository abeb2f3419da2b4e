package dev.deskcc.api.host;

/**
 * Which of the desk's own addresses an address is.
 *
 * @since 1.0
 */
public enum DeskAddressKind {
  /** A department's support address: customers write to it. */
  SUPPORT,
  /** A department's from-address: the desk sends from it. */
  FROM
}
