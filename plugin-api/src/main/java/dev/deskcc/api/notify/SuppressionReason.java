package dev.deskcc.api.notify;

/**
 * Why the desk sends a person no mail (contract §6).
 *
 * @since 1.3
 */
public enum SuppressionReason {
  /** The person muted the ticket (an unsubscribe link, the mailto unsubscribe, or the help center). */
  MUTED,
  /** Mail to the address bounced: it gets nothing on any ticket until an agent clears it. */
  BOUNCED
}
