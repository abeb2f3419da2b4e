package dev.deskcc.sim.desk;

import jakarta.annotation.Nullable;
import dev.deskcc.api.model.ContactStatus;

/** A contact as the contacts search shows it. */
public record ContactView(String id, @Nullable String email, @Nullable String name, ContactStatus status, boolean anonymous) {}
