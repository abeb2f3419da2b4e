package dev.deskcc.api.notify;

/**
 * Which header of the message a recipient goes in.
 *
 * @since 1.0
 */
public enum RecipientLine {
  TO,
  CC,
  /**
   * A private recipient: the message is sent to this address, but no other recipient's copy shows
   * it, and its own copy is addressed {@code To} it alone (no {@code Cc}). The host still counts
   * it among the message's actual recipients (the outbox lists it in {@code cc}), and shows it in
   * a contact's view of the thread only to its owner. Replies to the copy thread as to any other.
   *
   * @since 1.3
   */
  PRIVATE
}
