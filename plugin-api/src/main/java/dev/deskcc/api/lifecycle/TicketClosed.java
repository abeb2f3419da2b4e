package dev.deskcc.api.lifecycle;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Ticket;

/**
 * An agent closed the ticket.
 *
 * @since 1.0
 */
public record TicketClosed(Ticket ticket, Actor actor) implements TicketEvent {}
