package dev.deskcc.api.model;

/** How a ticket reached the desk. */
public enum Channel {
  EMAIL,
  AGENT,
  HELP_CENTER
}
