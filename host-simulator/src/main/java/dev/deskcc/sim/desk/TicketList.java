package dev.deskcc.sim.desk;

import java.util.List;

/** Tickets, for {@code GET /api/v1/tickets}. */
public record TicketList(List<TicketView> tickets) {}
