package dev.deskcc.api.model;

/**
 * How a ticket reached the desk.
 *
 * @since 1.0
 */
public enum Channel {
  /** Created by an incoming email. */
  EMAIL,
  /** Created by an agent on the customer's behalf. */
  AGENT,
  /** Submitted by a contact in the help center. */
  HELP_CENTER
}
