package dev.deskcc.sim.desk;

import jakarta.annotation.Nonnull;

/** The requester of an agent-created ticket. {@code name} may be {@code null}. */
public record RequesterInput(@Nonnull String email, String name) {}
