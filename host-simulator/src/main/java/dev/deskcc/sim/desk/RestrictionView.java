package dev.deskcc.sim.desk;

import jakarta.annotation.Nullable;

/** A contact barred from a ticket. */
public record RestrictionView(String contactId, @Nullable String email, @Nullable String name) {}
