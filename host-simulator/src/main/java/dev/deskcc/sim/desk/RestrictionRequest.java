package dev.deskcc.sim.desk;

/** Bar the contact with this address from a ticket in the help center. */
public record RestrictionRequest(String email) {}
