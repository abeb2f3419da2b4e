package dev.deskcc.api.model;

/**
 * Lifecycle state of a contact.
 *
 * @since 1.0
 */
public enum ContactStatus {
  /** A usual contact (the default). */
  ACTIVE,
  /** Marked as spam: never added as a participant, sent nothing. */
  SPAM,
  /** Deleted: kept for history only, never added or notified. */
  DELETED
}
