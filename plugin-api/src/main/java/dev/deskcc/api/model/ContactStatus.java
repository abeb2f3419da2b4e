package dev.deskcc.api.model;

/** Lifecycle state of a contact. */
public enum ContactStatus {
  ACTIVE,
  SPAM,
  DELETED
}
