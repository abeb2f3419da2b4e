package dev.deskcc.sim.desk;

import dev.deskcc.api.model.ContactStatus;

/** A contact as the contacts search shows it. */
public record ContactView(String id, String email, String name, ContactStatus status, boolean anonymous) {}
