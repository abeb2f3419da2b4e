package dev.deskcc.api.model;

/**
 * Status of a ticket.
 *
 * @since 1.0
 */
public enum TicketStatus {
  OPEN,
  CLOSED,
  /** Merged into another ticket, named by {@link Ticket#mergedInto()}. */
  MERGED
}
