package dev.deskcc.sim.desk;

import jakarta.annotation.Nullable;

/** A contact as a ticket shows it. */
public record PersonView(String contactId, @Nullable String email, @Nullable String name) {}
