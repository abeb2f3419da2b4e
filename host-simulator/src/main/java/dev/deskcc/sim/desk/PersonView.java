package dev.deskcc.sim.desk;

/** A contact as a ticket shows it. */
public record PersonView(String contactId, String email, String name) {}
