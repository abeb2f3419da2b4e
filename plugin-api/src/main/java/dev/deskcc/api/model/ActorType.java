package dev.deskcc.api.model;

/**
 * Who did something.
 *
 * @since 1.0
 */
public enum ActorType {
  /** A help-desk agent (an admin included). */
  AGENT,
  /** A customer: a requester or CC, through the help center or mail. */
  CONTACT,
  /** The host itself (a fixture load, an automatic rule). */
  SYSTEM
}
