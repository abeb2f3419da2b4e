package dev.deskcc.sim.desk;

import jakarta.annotation.Nullable;

/** Who rated. */
public record RaterView(String contactId, @Nullable String email) {}
