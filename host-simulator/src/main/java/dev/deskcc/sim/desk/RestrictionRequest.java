package dev.deskcc.sim.desk;

import jakarta.annotation.Nonnull;

/** Bar the contact with this address from a ticket in the help center. */
public record RestrictionRequest(@Nonnull String email) {}
