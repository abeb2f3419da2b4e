package dev.deskcc.sim.recipient;

/**
 * What an unsubscribe link is about, for its page: the person's address on the ticket.
 *
 * @param muted whether the person has muted the ticket (after a POST: always)
 */
public record UnsubscribePage(long ticketNumber, String subject, String email, boolean muted) {}
