package dev.deskcc.sim.desk;

import java.util.List;

/** The outbox, in seq order. */
public record OutboxView(List<OutboxMessageView> messages) {}
