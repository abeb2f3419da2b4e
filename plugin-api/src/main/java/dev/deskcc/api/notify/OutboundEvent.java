package dev.deskcc.api.notify;

/** The kinds of mail the host sends about a ticket. */
public enum OutboundEvent {
  TICKET_CREATED,
  AGENT_REPLY,
  PUBLIC_COMMENT,
  COMMENT_EDITED,
  COMMENT_DELETED,
  TICKET_CLOSED
}
