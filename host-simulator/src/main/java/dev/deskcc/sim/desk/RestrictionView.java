package dev.deskcc.sim.desk;

/** A contact barred from a ticket. */
public record RestrictionView(String contactId, String email, String name) {}
