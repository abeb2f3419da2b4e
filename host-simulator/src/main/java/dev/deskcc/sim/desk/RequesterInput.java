package dev.deskcc.sim.desk;

/** The requester of an agent-created ticket. {@code name} may be {@code null}. */
public record RequesterInput(String email, String name) {}
