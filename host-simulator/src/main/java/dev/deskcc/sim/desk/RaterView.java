package dev.deskcc.sim.desk;

/** Who rated. */
public record RaterView(String contactId, String email) {}
