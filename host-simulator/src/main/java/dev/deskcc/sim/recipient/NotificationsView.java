package dev.deskcc.sim.recipient;

/** A contact's own mail setting on a ticket ({@code GET|PUT /api/v1/tickets/{id}/notifications}). */
public record NotificationsView(Boolean muted) {}
