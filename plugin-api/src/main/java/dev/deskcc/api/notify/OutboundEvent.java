package dev.deskcc.api.notify;

/**
 * The kinds of mail the host sends about a ticket.
 *
 * @since 1.0
 */
public enum OutboundEvent {
  /** A new ticket (to its requester, and CCs it was created with). */
  TICKET_CREATED,
  /** An agent's reply. */
  AGENT_REPLY,
  /** A public comment. */
  PUBLIC_COMMENT,
  /** A public comment was edited. */
  COMMENT_EDITED,
  /** A public comment was deleted. */
  COMMENT_DELETED,
  /** The ticket was closed (may carry a rating invitation). */
  TICKET_CLOSED
}
