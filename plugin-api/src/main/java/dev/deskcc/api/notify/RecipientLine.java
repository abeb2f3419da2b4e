package dev.deskcc.api.notify;

/**
 * Which header of the message a recipient goes in.
 *
 * @since 1.0
 */
public enum RecipientLine {
  TO,
  CC
}
