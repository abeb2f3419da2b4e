package dev.deskcc.sim.desk;

import java.util.List;

/** Contacts search result. */
public record ContactList(List<ContactView> contacts) {}
